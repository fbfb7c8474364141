package io.sartracker.service.accounting;

import io.sartracker.service.security.Recorder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Each issuer's choice of accounting standard for its journals (table {@code issuer_accounting_standard}),
 * every choice kept with who made it and when; the latest is in force, ASBJ while none is made.
 */
@Component
public class AccountingStandardChoices {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccountingStandardChoices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A choice as made: the standard, when and by whom. */
    public record Choice(AccountingStandard standard, Instant chosenAt, String chosenBy, String signedInBy) {
    }

    /** The issuer's standard in force, the choices that led to it (oldest first; none: the default). */
    public record IssuerStandard(String issuerId, AccountingStandard standard, List<Choice> choices) {
    }

    public IssuerStandard of(String issuerId) {
        List<Choice> choices = jdbc.query("select standard, chosen_at, chosen_by, signed_in_by"
                        + " from issuer_accounting_standard where issuer_id = ? order by choice_id",
                (rs, n) -> new Choice(AccountingStandard.valueOf(rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4)),
                issuerId);
        return new IssuerStandard(issuerId, choices.isEmpty() ? AccountingStandard.DEFAULT
                : choices.get(choices.size() - 1).standard(), choices);
    }

    public IssuerStandard choose(String issuerId, AccountingStandard standard, Recorder recorder) {
        jdbc.update("insert into issuer_accounting_standard (issuer_id, standard, chosen_at, chosen_by, signed_in_by)"
                        + " values (?, ?, ?, ?, ?)", issuerId, standard.name(),
                clock.instant().atOffset(ZoneOffset.UTC), recorder.name(), recorder.signedInBy());
        return of(issuerId);
    }
}
