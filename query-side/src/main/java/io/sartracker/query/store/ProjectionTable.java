package io.sartracker.query.store;

import java.util.List;

/**
 * A table of a projection whose rows carry a generation, and the columns that, with the generation, are
 * its primary key: what the rows of a retired generation are deleted by, a batch at a time.
 */
public record ProjectionTable(String name, List<String> key) {
    public ProjectionTable {
        key = List.copyOf(key);
    }

    public static ProjectionTable of(String name, String... key) {
        return new ProjectionTable(name, List.of(key));
    }
}
