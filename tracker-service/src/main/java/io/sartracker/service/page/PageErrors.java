package io.sartracker.service.page;

import io.sartracker.kernel.rule.RuleCode;

final class PageErrors {
    private PageErrors() {
    }

    /**
     * The status of a form answered with its refusal beside the field: 409 when another change came first
     * (a taken name, a command at the same moment), 404 when what it names is not there, else 422 (a rule, or
     * input the form could not read). The page is rendered all the same; htmx swaps these answers in too.
     */
    static int formStatus(String code) {
        RuleCode rule = java.util.Arrays.stream(RuleCode.values()).filter(c -> c.name().equals(code)).findFirst()
                .orElse(RuleCode.INVALID_INPUT);
        return switch (rule.kind()) {
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            default -> 422;
        };
    }

    static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
