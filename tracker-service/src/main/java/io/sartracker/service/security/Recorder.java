package io.sartracker.service.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who records a fact, as the audit trail shows it: the signed-in person and how they signed in, or
 * the tracker itself for the facts it records on its own (the lapse sweep). Never taken from a
 * request header.
 *
 * @param name       the user name, the identity provider's name claim, or {@value #SYSTEM_NAME}
 * @param signedInBy {@code password}, {@code bearer-token} or {@code system}
 */
public record Recorder(String name, String signedInBy) {
    public static final String SYSTEM_NAME = "system";
    public static final Recorder SYSTEM = new Recorder(SYSTEM_NAME, "system");

    /** The person signed in on the current request. */
    public static Recorder current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a fact is recorded only by a signed-in person or by the system");
        }
        if (authentication instanceof JwtAuthenticationToken) {
            return new Recorder(authentication.getName(), "bearer-token");
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            return new Recorder(authentication.getName(), "password");
        }
        throw new IllegalStateException("a fact is recorded only by a signed-in person, not by "
                + authentication.getClass().getSimpleName());
    }
}
