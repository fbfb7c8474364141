package io.sartracker.service.notice.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The registrations of change (変更登記) an issuer must still file, for the calendar feed. Implemented by the
 * registrations of change (package {@code io.sartracker.service.filing}); until a bean of it exists the feed
 * holds no registration deadline.
 */
public interface RegistrationDeadlines {

    /** A registration due: of which issuer, a stable key (the calendar's event is updated, not doubled), what, by when. */
    record RegistrationDeadline(String issuerId, String key, String description, LocalDate deadline) {
    }

    /** The registrations not filed yet whose deadline is on or after the day. */
    List<RegistrationDeadline> dueOnOrAfter(LocalDate day);
}
