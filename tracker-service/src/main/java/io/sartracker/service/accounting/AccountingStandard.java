package io.sartracker.service.accounting;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.util.Arrays;
import java.util.Locale;

/**
 * The standard a journal is kept under: the Japanese one (ASBJ Statement No. 8, the default) or IFRS 2,
 * chosen per issuer. They differ where rights end unexercised: ASBJ books a gain, IFRS 2 a transfer
 * within equity.
 */
public enum AccountingStandard {
    ASBJ,
    IFRS;

    public static final AccountingStandard DEFAULT = ASBJ;

    /** The standard named, in any case; a refusal naming the accepted values otherwise. */
    public static AccountingStandard named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> RuleViolation.of(RuleCode.INVALID_INPUT, "'" + name
                        + "' is not an accounting standard the journal is kept under; accepted: ASBJ, IFRS.",
                        "standard", name));
    }
}
