package io.sartracker.service.contract;

import io.sartracker.kernel.rule.RuleCode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rule codes an operation's own checks can answer with, in the API contract: the codes its
 * command's handlers and the query it runs throw on that path. The generic ones are added by
 * {@link ApiContract}: {@code INVALID_INPUT}, {@code PAYLOAD_TOO_LARGE} and
 * {@code UNSUPPORTED_MEDIA_TYPE} where there is a body or a parameter, those of a {@link Recording}
 * and those of sign-in. Each code is documented under the HTTP status its kind answers with.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {
    RuleCode[] value();
}
