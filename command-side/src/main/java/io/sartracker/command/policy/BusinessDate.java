package io.sartracker.command.policy;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today, and the rule that no fact is recorded before it happens (RULES.md 13). Today is the
 * business date in the issuer's calendar (Asia/Tokyo) by the injected clock, whatever the clock's
 * own zone: never {@code now()} without a clock.
 */
public final class BusinessDate {
    public static final ZoneId ISSUER_ZONE = ZoneId.of("Asia/Tokyo");

    private BusinessDate() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ISSUER_ZONE);
    }

    /**
     * An allotment, departure, death, inheritance, exercise, role change, transfer or acquisition
     * dated after today is rejected; corporate actions resolved in advance are not checked here.
     */
    public static void requireHappened(String fact, LocalDate date, Clock clock) {
        LocalDate today = today(clock);
        if (date.isAfter(today)) {
            throw factDatedInFuture(fact, date, today);
        }
    }

    private static RuleViolation factDatedInFuture(String fact, LocalDate date, LocalDate today) {
        return RuleViolation.of(RuleCode.FACT_DATED_IN_FUTURE,
                "The " + fact + " is dated " + date + ", after today (" + today + "); a fact is recorded once it"
                        + " has happened. Check the date, or record it on or after " + date + ".",
                "date", date, "today", today);
    }
}
