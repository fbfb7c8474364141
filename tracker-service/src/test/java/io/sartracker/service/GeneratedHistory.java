package io.sartracker.service;

import java.nio.charset.StandardCharsets;

/**
 * A long file of past history for measuring imports: series of their own issuers, each issued, allotted one
 * right per holder, and every tenth holder leaving office and exercising the right in the window.
 */
public final class GeneratedHistory {
    static final String HEADER = "factKind,seriesId,issuerId,holderId,role,rights,allotmentDate,departureDate,reason,"
            + "exerciseDate," + HistoryImportHttpTest.TERMS_HEADER;

    private GeneratedHistory() {
    }

    /**
     * Writes a file of at least the number of facts asked (default 100,000) to standard output, for measuring
     * an import (README, "Importing past history"): {@code java -cp tracker-service/target/test-classes
     * io.sartracker.service.GeneratedHistory 100000 > history.csv}.
     */
    public static void main(String[] args) throws java.io.IOException {
        int facts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perSeries = lines(1, 230);
        System.out.write(csv("M", (facts + perSeries - 1) / perSeries, 230));
        System.out.flush();
    }

    /** How many facts {@link #csv} writes. */
    static int lines(int series, int holdersPerSeries) {
        return series * (1 + holdersPerSeries + 2 * ((holdersPerSeries + 9) / 10));
    }

    /** At most 230 holders a series (the maximum of the 5th series' terms, one right each). */
    static byte[] csv(int series, int holdersPerSeries) {
        return csv("G", series, holdersPerSeries);
    }

    /** The same with the series, issuers and holders named after the prefix, so two files never meet. */
    public static byte[] csv(String prefix, int series, int holdersPerSeries) {
        if (holdersPerSeries > 230) {
            throw new IllegalArgumentException("at most 230 holders of one right in a series on the 5th series' terms");
        }
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        String none = HistoryImportHttpTest.NO_TERMS;
        for (int s = 1; s <= series; s++) {
            String seriesId = prefix + "-" + s;
            String issuerId = prefix + "I-" + s;
            file.append("issue-series,").append(seriesId).append(',').append(issuerId).append(",,,,,,,,")
                    .append("Generated series ").append(s).append(",Issuer ").append(s)
                    .append(",2015-06-26,230,200,1,2015-07-14,2045-07-13,2015-07-13,10,6").append('\n');
            for (int h = 0; h < holdersPerSeries; h++) {
                file.append("allotment,").append(seriesId).append(",,").append(holder(prefix, s, h))
                        .append(",DIRECTOR,1,2015-07-13,,,,").append(none).append('\n');
            }
            for (int h = 0; h < holdersPerSeries; h += 10) {
                file.append("departure,,").append(issuerId).append(',').append(holder(prefix, s, h))
                        .append(",,,,2020-06-25,RETIREMENT,,").append(none).append('\n');
                file.append("exercise,").append(seriesId).append(",,").append(holder(prefix, s, h))
                        .append(",,1,,,,2020-06-30,").append(none).append('\n');
            }
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String holder(String prefix, int series, int holder) {
        return prefix + "H" + series + "-" + holder;
    }
}
