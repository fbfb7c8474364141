package io.sartracker.service.cluster;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * A node without the command role records nothing: a request that would record facts (a POST under
 * /series or /issuers, the lapse sweep, the record page's form) answers 503 {@code NOT_SERVED_BY_THIS_NODE},
 * after sign-in, so
 * that a load balancer routing by path and a client alike learn to send it elsewhere.
 */
@Component
public class NodeRoleGuard extends OncePerRequestFilter {
    private final TrackerNode node;

    public NodeRoleGuard(TrackerNode node) {
        this.node = node;
    }

    static boolean recordsFacts(String method, String path) {
        return "POST".equals(method) && (path.startsWith("/series") || path.startsWith("/issuers")
                || path.equals("/lapse-sweeps") || path.startsWith("/app/record/") || path.equals("/imports") || path.equals("/app/import"))
                && !path.endsWith("/allotment-amount/preview");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return node.takesCommands();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (recordsFacts(request.getMethod(), request.getRequestURI())) {
            Problems.write(response, 503, RuleCode.NOT_SERVED_BY_THIS_NODE, "This node of the tracker answers queries"
                    + " only (roles " + node.roles() + "); nothing was recorded. Send the request to a node with the"
                    + " command role.", Map.of("node", node.id()));
            return;
        }
        chain.doFilter(request, response);
    }
}
