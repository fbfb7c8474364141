package io.sartracker.query.store;

import io.sartracker.query.register.HoldingRecord;
import io.sartracker.query.register.SeriesRegister;
import io.sartracker.query.register.Views;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The stored registers: one JSON document per series, and one row per holding with its own document. */
public class RegisterStore {
    public static final String PROJECTION = "register";
    public static final List<ProjectionTable> TABLES = List.of(ProjectionTable.of("series_view", "series_id"),
            ProjectionTable.of("holding_view", "series_id", "holder_id"));

    private final JdbcTemplate jdbc;
    /** Whether the database takes a holding's row by an update or insert each (H2); PostgreSQL is given arrays. */
    private final boolean rowByRow;

    public RegisterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rowByRow = RowValues.lookedUpInTheKey(jdbc);
    }

    /** The series' document with its holdings, each read from its own row, in the series' order. */
    public Optional<SeriesRegister> load(int generation, String seriesId) {
        return jdbc.queryForList("select document from series_view where generation = ? and series_id = ?",
                String.class, generation, seriesId).stream().findFirst().map(document -> assemble(document,
                jdbc.queryForList("select document from holding_view where generation = ? and series_id = ?"
                        + " and document is not null order by holding_order", String.class, generation, seriesId)));
    }

    /** A series read back from its document and its holdings' documents (as {@link #save} writes them). */
    static SeriesRegister assemble(String seriesDocument, List<String> holdingDocuments) {
        SeriesRegister register = Documents.read(seriesDocument, SeriesRegister.class);
        holdingDocuments.forEach(holding -> register.addStoredHolding(Documents.read(holding, HoldingRecord.class)));
        return register;
    }

    /** The stored document's version (the last event folded into it), without reading the document. */
    public Optional<Long> version(int generation, String seriesId) {
        return jdbc.queryForList("select version from series_view where generation = ? and series_id = ?",
                Long.class, generation, seriesId).stream().findFirst();
    }

    /**
     * Writes the series' document (the series without its holdings), its totals as read on the day they
     * settle ({@link SeriesRegister#settledFrom()}, for the list of series) and the rows of the holdings that
     * changed, each with its own document.
     */
    public void save(int generation, SeriesRegister register, List<HoldingRecord> changed) {
        String document = Documents.write(register);
        LocalDate settledFrom = register.settledFrom();
        Views.SeriesTotals settled = Views.totals(register, settledFrom != null ? settledFrom : LocalDate.EPOCH);
        Object[] values = {register.issuerId(), register.version(), document, register.formatVersion(),
                date(register.lastFactDate()), register.terms() == null ? null : register.terms().name(),
                settled.allotted(), settled.outstanding(), settled.exercised(), settled.lapsed(), settled.acquired(),
                settled.sharesPerRightInForce(), settled.replacedBy(), date(settledFrom), generation,
                register.seriesId()};
        if (jdbc.update("update series_view set issuer_id = ?, version = ?, document = ?, format_version = ?,"
                + " last_fact_date = ?, series_name = ?, allotted = ?, outstanding = ?, exercised = ?, lapsed = ?,"
                + " acquired = ?, shares_per_right = ?, replaced_by = ?, settled_from = ?"
                + " where generation = ? and series_id = ?", values) == 0) {
            jdbc.update("insert into series_view (issuer_id, version, document, format_version, last_fact_date,"
                    + " series_name, allotted, outstanding, exercised, lapsed, acquired, shares_per_right,"
                    + " replaced_by, settled_from, generation, series_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        if (changed.isEmpty()) {
            return;
        }
        if (rowByRow) {
            changed.forEach(holding -> saveHolding(generation, register.seriesId(), holding,
                    register.placeOf(holding.holderId())));
        } else {
            saveHoldingsByArrays(generation, register, changed);
        }
    }

    /**
     * A series' totals as the register projection stored them, and whether they answer for the day asked:
     * written in the current shape, and settled on or before the day. A series whose totals do not answer
     * is read from its document or its events.
     */
    public record StoredTotals(String seriesId, String issuerId, String name, long allotted, long outstanding,
                               long exercised, long lapsed, long acquired, long sharesPerRightInForce,
                               String replacedBy, boolean answers) {
    }

    /** Every series of the generation, by id, with its stored totals (see {@link StoredTotals#answers()}). */
    public List<StoredTotals> totals(int generation, LocalDate day) {
        return jdbc.query("select series_id, issuer_id, series_name, allotted, outstanding, exercised, lapsed,"
                        + " acquired, shares_per_right, replaced_by, case when allotted is not null and format_version = ?"
                        + " and (settled_from is null or settled_from <= ?) then 1 else 0 end"
                        + " from series_view where generation = ? order by series_id",
                (rs, n) -> new StoredTotals(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10),
                        rs.getInt(11) == 1),
                SeriesRegister.FORMAT_VERSION, Date.valueOf(day), generation);
    }

    private void saveHolding(int generation, String seriesId, HoldingRecord h, int order) {
        Object[] values = {h.currentHolderId(), h.status().name(), h.held(),
                date(h.window() == null ? null : h.window().firstDay()),
                date(h.window() == null ? null : h.window().lastDay()), date(h.lapseDate()), Documents.write(h),
                order, generation, seriesId, h.holderId()};
        if (jdbc.update("update holding_view set current_holder_id = ?, status = ?, rights_held = ?,"
                + " window_first_day = ?, window_last_day = ?, lapse_date = ?, document = ?, holding_order = ?"
                + " where generation = ? and series_id = ? and holder_id = ?", values) == 0) {
            jdbc.update("insert into holding_view (current_holder_id, status, rights_held, window_first_day,"
                    + " window_last_day, lapse_date, document, holding_order, generation, series_id, holder_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    /**
     * PostgreSQL: the changed holdings' rows by one statement of one array a column, inserting or updating each by
     * its key. A statement a row took 2.4 s of the server's 9.6 s in a rebuild of 75,000 events (BENCHMARKS.md).
     */
    private void saveHoldingsByArrays(int generation, SeriesRegister register, List<HoldingRecord> changed) {
        List<Function<HoldingRecord, Object>> columns = List.of(HoldingRecord::holderId,
                HoldingRecord::currentHolderId, h -> h.status().name(), h -> Long.toString(h.held()),
                h -> ColumnArrays.text(h.window() == null ? null : h.window().firstDay()),
                h -> ColumnArrays.text(h.window() == null ? null : h.window().lastDay()),
                h -> ColumnArrays.text(h.lapseDate()),
                Documents::write, h -> Integer.toString(register.placeOf(h.holderId())));
        ColumnArrays.write(jdbc, "insert into holding_view (generation,"
                + " series_id, holder_id, current_holder_id, status, rights_held, window_first_day, window_last_day,"
                + " lapse_date, document, holding_order)"
                + " select ?, ?, v.holder_id, v.current_holder_id, v.status, cast(v.rights_held as bigint),"
                + " cast(v.window_first_day as date), cast(v.window_last_day as date), cast(v.lapse_date as date),"
                + " v.document, cast(v.holding_order as integer)"
                + " from " + ColumnArrays.unnest(9) + " as v(holder_id, current_holder_id, status, rights_held,"
                + " window_first_day, window_last_day, lapse_date, document, holding_order)"
                + " on conflict (generation, series_id, holder_id) do update set"
                + " current_holder_id = excluded.current_holder_id, status = excluded.status,"
                + " rights_held = excluded.rights_held, window_first_day = excluded.window_first_day,"
                + " window_last_day = excluded.window_last_day, lapse_date = excluded.lapse_date,"
                + " document = excluded.document, holding_order = excluded.holding_order",
                List.of(generation, register.seriesId()), changed, columns);
    }

    /** Series in which the person is an allottee or the heir (a union of two index look-ups, as in the audit trail). */
    public List<String> seriesOfPerson(int generation, String personId) {
        return jdbc.queryForList("select series_id from holding_view where generation = ? and holder_id = ?"
                + " union select series_id from holding_view where generation = ? and current_holder_id = ?"
                + " order by series_id", String.class, generation, personId, generation, personId);
    }

    /** Series with a holding whose window (after leaving office or the heir's) ends on or after the day. */
    public List<String> seriesWithWindowsEndingFrom(int generation, LocalDate day) {
        return jdbc.queryForList("select distinct series_id from holding_view where generation = ?"
                + " and status in ('LEFT_OFFICE', 'INHERITED') and window_last_day >= ? order by series_id",
                String.class, generation, Date.valueOf(day));
    }

    /**
     * Series whose stored document cannot answer for the day: a holder fact dated after it, or a
     * document in another shape than the code writes. Their views are folded from the events.
     */
    public List<String> seriesNotAnsweringFor(int generation, LocalDate day) {
        return jdbc.queryForList("select series_id from series_view where generation = ?"
                        + " and (last_fact_date > ? or format_version <> ?) order by series_id",
                String.class, generation, Date.valueOf(day), SeriesRegister.FORMAT_VERSION);
    }

    /** Series with a holding awaiting an heir in the stored documents. */
    public List<String> seriesAwaitingHeir(int generation) {
        return jdbc.queryForList("select distinct series_id from holding_view where generation = ?"
                + " and status = 'AWAITING_HEIR' order by series_id", String.class, generation);
    }

    /** How many stored documents of the generation are in another shape than the code writes. */
    public int documentsOfOtherFormat(int generation) {
        return jdbc.queryForObject("select count(*) from series_view where generation = ? and format_version <> ?",
                Integer.class, generation, SeriesRegister.FORMAT_VERSION);
    }

    public List<String> allSeries(int generation) {
        return jdbc.queryForList("select series_id from series_view where generation = ? order by series_id",
                String.class, generation);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
