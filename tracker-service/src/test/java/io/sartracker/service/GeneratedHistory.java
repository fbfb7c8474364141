package io.sartracker.service;

import java.nio.charset.StandardCharsets;

/**
 * A long file of past history for measuring imports: series of their own issuers, each issued, allotted one
 * right per holder, and every tenth holder leaving office and exercising the right in the window.
 */
final class GeneratedHistory {
    static final String HEADER = "factKind,seriesId,issuerId,holderId,role,rights,allotmentDate,departureDate,reason,"
            + "exerciseDate," + HistoryImportHttpTest.TERMS_HEADER;

    private GeneratedHistory() {
    }

    /** How many facts {@link #csv} writes. */
    static int lines(int series, int holdersPerSeries) {
        return series * (1 + holdersPerSeries + 2 * ((holdersPerSeries + 9) / 10));
    }

    /** At most 230 holders a series (the maximum of the 5th series' terms, one right each). */
    static byte[] csv(int series, int holdersPerSeries) {
        if (holdersPerSeries > 230) {
            throw new IllegalArgumentException("at most 230 holders of one right in a series on the 5th series' terms");
        }
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        String none = HistoryImportHttpTest.NO_TERMS;
        for (int s = 1; s <= series; s++) {
            String seriesId = "G-" + s;
            String issuerId = "GI-" + s;
            file.append("issue-series,").append(seriesId).append(',').append(issuerId).append(",,,,,,,,")
                    .append(HistoryImportHttpTest.termsCells("Generated series " + s, "Issuer " + s)).append('\n');
            for (int h = 0; h < holdersPerSeries; h++) {
                file.append("allotment,").append(seriesId).append(",,").append(holder(s, h))
                        .append(",DIRECTOR,1,2015-07-13,,,,").append(none).append('\n');
            }
            for (int h = 0; h < holdersPerSeries; h += 10) {
                file.append("departure,,").append(issuerId).append(',').append(holder(s, h))
                        .append(",,,,2020-06-25,RETIREMENT,,").append(none).append('\n');
                file.append("exercise,").append(seriesId).append(",,").append(holder(s, h))
                        .append(",,1,,,,2020-06-30,").append(none).append('\n');
            }
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String holder(int series, int holder) {
        return "H" + series + "-" + holder;
    }
}
