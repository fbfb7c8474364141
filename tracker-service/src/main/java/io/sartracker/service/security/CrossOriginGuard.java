package io.sartracker.service.security;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a request that would change something when a browser says it comes from a web page of
 * another origin ({@code Origin}, or {@code Sec-Fetch-Site: cross-site}). A foreign page can send a
 * form or multipart POST without asking (no CORS preflight), and a browser that once answered a
 * Basic challenge sends the credentials with it; this guard is what stops such a request.
 * Requests from programs (curl, a client library) carry no {@code Origin} and pass.
 */
final class CrossOriginGuard extends OncePerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final List<String> allowedOrigins;

    CrossOriginGuard(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || sameOrAllowedOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        Problems.write(response, 403, RuleCode.CROSS_ORIGIN_REFUSED,
                "This request came from a web page of another origin (" + Problems.echo(origin == null
                        ? "Sec-Fetch-Site: cross-site" : origin) + "); the tracker records only what is sent from"
                        + " its own pages or from a program. Nothing was recorded.",
                Map.of("origin", String.valueOf(origin)));
    }

    private boolean sameOrAllowedOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        return origin.equalsIgnoreCase(ownOrigin(request)) || allowedOrigins.contains(origin);
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
