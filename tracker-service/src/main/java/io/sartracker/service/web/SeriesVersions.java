package io.sartracker.service.web;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series' version is the sequence number of its last event, answered as a strong ETag ({@code "7"})
 * by every read of the series and every command on it. A command on one series sent with
 * {@code If-Match} is recorded only on that version ({@code *} matches any).
 */
public final class SeriesVersions {
    public static final String IF_MATCH = "If-Match";
    private static final Pattern STRONG_ETAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private SeriesVersions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; null when there is no header or it is {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "If-Match takes one ETag of the series as GET /series/{id}"
                    + " answers it, e.g. \"7\" with the quotes; it was " + ifMatch + ".", "header", IF_MATCH);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** If-Match on a request that does not change one existing series is refused rather than ignored. */
    public static void refuseIfMatch(String ifMatch, String what) {
        if (ifMatch != null) {
            throw RuleViolation.of(RuleCode.INVALID_INPUT, "If-Match applies to a command on one series;"
                    + " " + what + " does not take it. Send the request without If-Match.", "header", IF_MATCH);
        }
    }
}
