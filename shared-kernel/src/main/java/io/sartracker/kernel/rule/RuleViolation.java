package io.sartracker.kernel.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command broke a rule of the terms: nothing was recorded. Carries a stable code, a sentence
 * a person can act on, and the figures involved (dates, rights held, rights left).
 */
public class RuleViolation extends RuntimeException {
    private final RuleCode code;
    private final Map<String, Object> figures;

    public RuleViolation(RuleCode code, String message, Map<String, Object> figures) {
        super(message, null, false, false);
        this.code = code;
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static RuleViolation of(RuleCode code, String message, Object... figurePairs) {
        if (figurePairs.length % 2 != 0) {
            throw new IllegalArgumentException("figures come in name/value pairs");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < figurePairs.length; i += 2) {
            figures.put((String) figurePairs[i], figurePairs[i + 1]);
        }
        return new RuleViolation(code, message, figures);
    }

    public RuleCode code() {
        return code;
    }

    public Map<String, Object> figures() {
        return figures;
    }
}
