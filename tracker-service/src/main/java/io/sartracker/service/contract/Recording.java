package io.sartracker.service.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that records facts through {@code CommandSender.record}, or the lapse sweep: it takes
 * an {@code Idempotency-Key} (409 {@code IDEMPOTENCY_KEY_IN_PROGRESS}, 422
 * {@code IDEMPOTENCY_KEY_REUSED}), answers 503 {@code COMMIT_NOT_CONFIRMED} when what it committed is
 * not confirmed on disk, and, on one existing series, takes {@code If-Match} (412
 * {@code VERSION_MISMATCH}) and answers 404 {@code UNKNOWN_SERIES}. {@link ApiContract} documents
 * the headers and those answers from this.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Recording {
    Scope value();

    /**
     * False where every request is refused by a rule for now (a transfer: {@code TRANSFER_NOT_SUPPORTED}):
     * no success answer, and nothing is ever committed to be confirmed.
     */
    boolean accepted() default true;

    enum Scope {
        /** Issues a new series: no If-Match; answers its Location and ETag. */
        NEW_SERIES,
        /** A fact of one existing series: If-Match, 404 UNKNOWN_SERIES, the series' new ETag. */
        ONE_SERIES,
        /** A fact of the issuer, recorded in each of its series: no If-Match. */
        ISSUER,
        /** The lapse sweep over every series: no If-Match. */
        EVERY_SERIES
    }
}
