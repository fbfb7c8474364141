package io.sartracker.query.register;

import java.time.LocalDate;

/**
 * One allotment to a holding: the day the allottee acquired these rights and how many. The register of
 * stock acquisition rights names the date each holder acquired their rights (Companies Act art. 249 (iii)).
 */
public record AllotmentRecord(LocalDate allotmentDate, long rights) {
}
