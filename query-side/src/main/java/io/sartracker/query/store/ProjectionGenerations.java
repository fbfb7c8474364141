package io.sartracker.query.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which generation of a projection's rows is read and which is written. A rebuild writes a new
 * generation while reads stay on the active one; when the rebuild has caught up, the new generation
 * becomes active in one statement and the old rows are deleted.
 */
public class ProjectionGenerations {
    private final JdbcTemplate jdbc;
    private final boolean rowValuesByKey;

    public ProjectionGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rowValuesByKey = RowValues.lookedUpInTheKey(jdbc);
    }

    /** A rebuild under way: the generation being written, when it began and the head it must reach. */
    public record Rebuild(int generation, Instant startedAt, long headIndex) {
    }

    public int active(String projection) {
        return jdbc.queryForObject("select active_generation from projection_generation where projection = ?",
                Integer.class, projection);
    }

    /** The generation new events go to: the one being rebuilt, if any, else the active one. */
    public int writing(String projection) {
        return writingTo(projection).generation();
    }

    /**
     * The generation new events go to and, when it is being rebuilt, the global index of the store's head the
     * rebuild must reach (null otherwise): by one query, as a batch begins.
     */
    public record Writing(int generation, Long rebuildHeadIndex) {
    }

    public Writing writingTo(String projection) {
        return jdbc.queryForObject("select coalesce(building_generation, active_generation),"
                + " case when building_generation is not null then rebuild_head_index end"
                + " from projection_generation where projection = ?",
                (rs, n) -> new Writing(rs.getInt(1), rs.getObject(2) == null ? null : rs.getLong(2)), projection);
    }

    public Optional<Rebuild> rebuild(String projection) {
        return jdbc.query("select building_generation, rebuild_started_at, rebuild_head_index"
                        + " from projection_generation where projection = ? and building_generation is not null",
                (rs, n) -> new Rebuild(rs.getInt(1), Instant.parse(rs.getString(2)), rs.getLong(3)),
                projection).stream().findFirst();
    }

    /** @return the generation to build, empty when a rebuild is already under way */
    public Optional<Integer> beginRebuild(String projection, Instant startedAt, long headIndex,
                                          List<ProjectionTable> tables) {
        int next = active(projection) + 1;
        for (ProjectionTable table : tables) {
            jdbc.update("delete from " + table.name() + " where generation = ?", next);
        }
        int updated = jdbc.update("update projection_generation set building_generation = ?, rebuild_started_at = ?,"
                        + " rebuild_head_index = ? where projection = ? and building_generation is null",
                next, startedAt.toString(), headIndex, projection);
        return updated == 1 ? Optional.of(next) : Optional.empty();
    }

    /**
     * Makes the rebuilt generation active, in the caller's transaction; the old generation's rows are no
     * longer read, and are deleted afterwards, a batch at a time ({@link #deleteRetiredRows}).
     * Several nodes may find the same rebuild caught up at once: the projection's row is locked first and
     * read again, so exactly one of them switches (and reports it, and deletes the retired rows) and the
     * others find nothing left to do.
     *
     * @return whether this call completed the rebuild
     */
    public boolean completeRebuild(String projection) {
        List<int[]> row = jdbc.query("select active_generation, building_generation from projection_generation"
                        + " where projection = ? for update",
                (rs, n) -> new int[]{rs.getInt(1), rs.getObject(2) == null ? -1 : rs.getInt(2)}, projection);
        if (row.isEmpty() || row.get(0)[1] < 0) {
            return false;
        }
        jdbc.update("update projection_generation set active_generation = building_generation,"
                + " building_generation = null, rebuild_started_at = null, rebuild_head_index = null"
                + " where projection = ? and building_generation is not null", projection);
        return true;
    }

    /**
     * Deletes at most {@code limit} rows of the table from generations before the active one. On H2 their keys
     * are read first, then deleted by the primary key (a list of row values, which H2 looks up in the key; a
     * sub-query in the delete made it scan the table). PostgreSQL plans row values as an OR of index scans, so
     * there the rows are found once and deleted by their physical place ({@code ctid}) in the same statement.
     *
     * @return how many rows were deleted; 0 when none is left
     */
    public int deleteRetiredRows(String projection, ProjectionTable table, int limit) {
        if (!rowValuesByKey) {
            return jdbc.update("delete from " + table.name() + " where ctid = any(array(select ctid from "
                    + table.name() + " where generation < ? limit " + limit + "))", active(projection));
        }
        String columns = String.join(", ", table.key());
        List<Object[]> keys = jdbc.query("select generation, " + columns + " from " + table.name()
                        + " where generation < ? fetch first " + limit + " rows only",
                (rs, n) -> {
                    Object[] key = new Object[table.key().size() + 1];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = rs.getObject(i + 1);
                    }
                    return key;
                }, active(projection));
        int deleted = 0;
        for (int from = 0; from < keys.size(); from += 500) {
            List<Object[]> part = keys.subList(from, Math.min(keys.size(), from + 500));
            deleted += jdbc.update("delete from " + table.name() + " where (generation, " + columns + ") in ("
                    + RowValues.placeholders(part.size(), table.key().size() + 1) + ")",
                    part.stream().flatMap(Arrays::stream).toArray());
        }
        return deleted;
    }

    /** A rebuild asked for and not yet begun: when, and the head of the store it must reach. */
    public record RebuildRequested(Instant requestedAt, long headIndex) {
    }

    /**
     * Asks for a rebuild, seen by every node on its next look: each lets go of the projection's segments,
     * and one of them resets the tokens. Nothing happens when one is asked for or under way already.
     *
     * @return whether this call asked for it
     */
    public boolean requestRebuild(String projection, Instant requestedAt, long headIndex) {
        return jdbc.update("update projection_generation set rebuild_requested_at = ?, rebuild_request_head = ?"
                        + " where projection = ? and building_generation is null and rebuild_requested_at is null",
                requestedAt.toString(), headIndex, projection) == 1;
    }

    public Optional<RebuildRequested> rebuildRequested(String projection) {
        return jdbc.query("select rebuild_requested_at, rebuild_request_head from projection_generation"
                        + " where projection = ? and rebuild_requested_at is not null",
                (rs, n) -> new RebuildRequested(Instant.parse(rs.getString(1)), rs.getLong(2)), projection)
                .stream().findFirst();
    }

    /**
     * Takes the request, in the transaction that resets the tokens: of several nodes trying at once,
     * exactly one gets it (the others wait on the row and then find it taken).
     */
    public boolean takeRebuildRequest(String projection, RebuildRequested request) {
        return jdbc.update("update projection_generation set rebuild_requested_at = null, rebuild_request_head = null"
                + " where projection = ? and rebuild_requested_at = ?", projection, request.requestedAt().toString()) == 1;
    }
}
