package io.sartracker.service.filing;

import io.sartracker.service.security.Recorder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The issuers' share capital statements (table {@code share_capital_statement}), kept beside the events. */
@Component
public class ShareCapitalStatements {
    private static final String COLUMNS = "statement_id, issuer_id, as_at, issued_shares, capital_stock, source,"
            + " recorded_at, recorded_by";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ShareCapitalStatements(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a statement as the signed-in recorder; a later one as at the same date prevails over it. */
    public ShareCapitalStatement record(String issuerId, StatementDetails details, Recorder recorder) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into share_capital_statement (issuer_id,"
                    + " as_at, issued_shares, capital_stock, source, recorded_at, recorded_by, signed_in_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"statement_id"});
            insert.setString(1, issuerId);
            insert.setObject(2, details.asAt());
            insert.setLong(3, details.issuedShares());
            insert.setLong(4, details.capitalStock());
            insert.setString(5, details.source());
            insert.setObject(6, now);
            insert.setString(7, recorder.name());
            insert.setString(8, recorder.signedInBy());
            return insert;
        }, key);
        // the row just kept, by its key: another statement kept at the same moment is not it
        return jdbc.query("select " + COLUMNS + " from share_capital_statement where statement_id = ?",
                ShareCapitalStatements::statement, key.getKey().longValue()).get(0);
    }

    /** The issuer's statements, latest date first (of one date, the one kept last first). */
    public List<ShareCapitalStatement> all(String issuerId) {
        return jdbc.query("select " + COLUMNS + " from share_capital_statement where issuer_id = ?"
                + " order by as_at desc, statement_id desc", ShareCapitalStatements::statement, issuerId);
    }

    /** The statement the totals of a day start from: the latest as at that day or before. */
    public Optional<ShareCapitalStatement> latestOnOrBefore(String issuerId, LocalDate day) {
        return all(issuerId).stream().filter(s -> !s.asAt().isAfter(day)).findFirst();
    }

    private static ShareCapitalStatement statement(ResultSet rs, int row) throws SQLException {
        return new ShareCapitalStatement(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8));
    }
}
