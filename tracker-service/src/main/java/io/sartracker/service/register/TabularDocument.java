package io.sartracker.service.register;

import java.util.ArrayList;
import java.util.List;

/**
 * A document made of a title and tables, as the register's files lay it out ({@link RegisterFiles}): the
 * statutory register, and the report of a registration of change.
 */
public interface TabularDocument {
    String title();

    List<StatutoryRegister.RegisterTable> sections();

    /** Every row of every section as one list, in order: what the CSV and the workbook hold, line by line. */
    default List<List<Object>> lines() {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of(title()));
        for (StatutoryRegister.RegisterTable section : sections()) {
            lines.add(List.of());
            lines.add(List.of(section.heading()));
            if (!section.header().isEmpty()) {
                lines.add(List.copyOf(section.header()));
            }
            lines.addAll(section.rows());
        }
        return lines;
    }
}
