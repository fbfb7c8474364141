package io.sartracker.service.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * The registrations of change not filed yet, with their deadlines: what {@link NoticeKind#REGISTRATION_DUE}
 * and the calendar feed tell of. Implemented by the registrations of change (package
 * {@code io.sartracker.service.filing}), so that notices need not know how a registration is worked out.
 */
public interface RegistrationDeadlines {

    /** A registration to file: its issuer, a key naming it among the issuer's, what changed, and its deadline. */
    record RegistrationDeadline(String issuerId, String key, String description, LocalDate deadline) {
    }

    /** Every registration not filed yet, as of the day. */
    List<RegistrationDeadline> unfiledOn(LocalDate day);
}
