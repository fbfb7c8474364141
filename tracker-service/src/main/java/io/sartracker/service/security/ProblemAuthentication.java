package io.sartracker.service.security;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 401 and 403 as problem documents, saying how to sign in or which role the endpoint needs. */
@Component
class ProblemAuthentication implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final SecuritySettings settings;

    ProblemAuthentication(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (settings.passwordSignIn()) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"sar-tracker\", charset=\"UTF-8\"");
        }
        if (settings.jwt().enabled()) {
            response.addHeader("WWW-Authenticate", "Bearer realm=\"sar-tracker\"");
        }
        boolean credentialsGiven = request.getHeader("Authorization") != null;
        Problems.write(response, 401, RuleCode.SIGN_IN_REQUIRED, credentialsGiven
                ? "The credentials do not sign anyone in (wrong name or password, a disabled user, or a token that"
                + " is expired or not meant for this tracker); nothing was recorded."
                : "Sign in first: send your user name and password (HTTP Basic)"
                + (settings.jwt().enabled() ? " or your identity provider's bearer token" : "")
                + "; nothing was recorded.", Map.of("signIn", schemes()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<String> roles = AccessPolicy.rolesFor(method, path).stream().map(Enum::name).sorted().toList();
        Problems.write(response, 403, RuleCode.ROLE_REQUIRED, roles.isEmpty()
                ? "You are signed in, but no role may " + method + " " + Problems.echo(path) + "; nothing was recorded."
                : "You are signed in, but " + method + " " + Problems.echo(path) + " needs one of the roles "
                + String.join(", ", roles) + "; ask an administrator. Nothing was recorded.",
                Map.of("requiredRoles", String.join(",", roles)));
    }

    private String schemes() {
        return java.util.stream.Stream.of(settings.passwordSignIn() ? "basic" : null,
                settings.jwt().enabled() ? "bearer" : null).filter(s -> s != null).collect(Collectors.joining(","));
    }
}
