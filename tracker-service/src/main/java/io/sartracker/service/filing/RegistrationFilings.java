package io.sartracker.service.filing;

import io.sartracker.service.security.Recorder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The marks that a registration was filed (table {@code registration_filing}); an undone mark is kept. */
@Component
public class RegistrationFilings {
    private static final String COLUMNS = "issuer_id, registration_key, filed_on, reference, recorded_at, recorded_by";

    /** A registration marked filed: on which day, under which reference, and who marked it when. */
    public record Filing(String issuerId, String key, LocalDate filedOn, String reference, Instant recordedAt,
                         String recordedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RegistrationFilings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Marks the registration filed; a mark already there is undone by this one, which corrects it. */
    @Transactional
    public Filing mark(String issuerId, String key, LocalDate filedOn, String reference, Recorder recorder) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        undo(issuerId, key, recorder);
        jdbc.update("insert into registration_filing (issuer_id, registration_key, filed_on, reference, recorded_at,"
                        + " recorded_by, signed_in_by) values (?, ?, ?, ?, ?, ?, ?)", issuerId, key, filedOn, reference,
                now, recorder.name(), recorder.signedInBy());
        return find(issuerId, key).orElseThrow();
    }

    /** Undoes the registration's mark; whether there was one. */
    public boolean undo(String issuerId, String key, Recorder recorder) {
        return jdbc.update("update registration_filing set undone_at = ?, undone_by = ? where issuer_id = ?"
                        + " and registration_key = ? and undone_at is null", clock.instant().atOffset(ZoneOffset.UTC),
                recorder.name(), issuerId, key) > 0;
    }

    public Optional<Filing> find(String issuerId, String key) {
        return jdbc.query("select " + COLUMNS + " from registration_filing where issuer_id = ? and registration_key = ?"
                + " and undone_at is null", RegistrationFilings::filing, issuerId, key).stream().findFirst();
    }

    /** The issuer's marks in force, by registration key. */
    public Map<String, Filing> of(String issuerId) {
        return jdbc.query("select " + COLUMNS + " from registration_filing where issuer_id = ? and undone_at is null",
                RegistrationFilings::filing, issuerId).stream().collect(Collectors.toMap(Filing::key, Function.identity()));
    }

    private static Filing filing(ResultSet rs, int row) throws SQLException {
        return new Filing(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6));
    }
}
