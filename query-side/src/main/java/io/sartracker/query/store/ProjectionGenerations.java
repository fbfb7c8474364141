package io.sartracker.query.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which generation of a projection's rows is read and which is written. A rebuild writes a new
 * generation while reads stay on the active one; when the rebuild has caught up, the new generation
 * becomes active in one statement and the old rows are deleted.
 */
public class ProjectionGenerations {
    private final JdbcTemplate jdbc;

    public ProjectionGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A rebuild under way: the generation being written, when it began, the head it must reach and
     * the highest global index whose rows are committed.
     */
    public record Rebuild(int generation, Instant startedAt, long headIndex, long committedIndex) {
    }

    public int active(String projection) {
        return jdbc.queryForObject("select active_generation from projection_generation where projection = ?",
                Integer.class, projection);
    }

    /** The generation new events go to: the one being rebuilt, if any, else the active one. */
    public int writing(String projection) {
        return jdbc.queryForObject("select coalesce(building_generation, active_generation) from projection_generation"
                + " where projection = ?", Integer.class, projection);
    }

    public Optional<Rebuild> rebuild(String projection) {
        return jdbc.query("select building_generation, rebuild_started_at, rebuild_head_index, committed_index"
                        + " from projection_generation where projection = ? and building_generation is not null",
                (rs, n) -> new Rebuild(rs.getInt(1), Instant.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)),
                projection).stream().findFirst();
    }

    /** @return the generation to build, empty when a rebuild is already under way */
    public Optional<Integer> beginRebuild(String projection, Instant startedAt, long headIndex, List<String> tables) {
        int next = active(projection) + 1;
        for (String table : tables) {
            jdbc.update("delete from " + table + " where generation = ?", next);
        }
        int updated = jdbc.update("update projection_generation set building_generation = ?, rebuild_started_at = ?,"
                        + " rebuild_head_index = ?, committed_index = 0 where projection = ? and building_generation is null",
                next, startedAt.toString(), headIndex, projection);
        return updated == 1 ? Optional.of(next) : Optional.empty();
    }

    /**
     * Called in the transaction that writes a batch's rows: once it commits, everything up to the
     * index is in the tables. A rebuild completes on this figure, never on the processor's position,
     * which moves before the batch commits.
     */
    public void committed(String projection, long globalIndex) {
        jdbc.update("update projection_generation set committed_index = ? where projection = ? and committed_index < ?",
                globalIndex, projection, globalIndex);
    }

    public void completeRebuild(String projection, List<String> tables) {
        int previous = active(projection);
        jdbc.update("update projection_generation set active_generation = building_generation,"
                + " building_generation = null, rebuild_started_at = null, rebuild_head_index = null"
                + " where projection = ? and building_generation is not null", projection);
        for (String table : tables) {
            jdbc.update("delete from " + table + " where generation = ?", previous);
        }
    }
}
