package io.sartracker.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each service test gets its own H2 file in a fresh folder. */
final class TrackerTestSupport {
    private TrackerTestSupport() {
    }

    static Path freshDataDir(String name) {
        try {
            return Files.createTempDirectory("sar-tracker-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of {@code POST /series} for a series on the 5th series' terms. */
    static String issueSeriesBody(String seriesId, String issuerId) {
        return "{\"seriesId\":\"" + seriesId + "\",\"issuerId\":\"" + issuerId + "\",\"terms\":{"
                + "\"name\":\"Series " + seriesId + "\",\"issuerName\":\"" + issuerId + " Inc.\","
                + "\"resolutionDate\":\"2015-06-26\",\"maximumRights\":230,\"sharesPerRightAtIssue\":200,"
                + "\"exercisePricePerShare\":1,\"exercisePeriod\":{\"firstDay\":\"2015-07-14\",\"lastDay\":\"2045-07-13\"},"
                + "\"allotmentDate\":\"2015-07-13\",\"paymentDate\":\"2015-07-13\",\"windowAfterLeavingOfficeDays\":10,"
                + "\"heirWindowMonths\":6,\"transferAllowed\":false,"
                + "\"eligibleRoles\":[\"DIRECTOR\",\"EXECUTIVE_OFFICER\"]}}";
    }
}
