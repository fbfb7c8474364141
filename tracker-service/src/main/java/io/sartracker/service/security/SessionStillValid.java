package io.sartracker.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * A browser session lasts hours; an administrator who disables a user, or changes their roles,
 * means it to count at once. On every page request the session's user is read again: a user
 * disabled or gone has the session ended and is sent to sign in; changed roles replace the
 * session's.
 */
final class SessionStillValid extends OncePerRequestFilter {
    private final UserDetailsManager users;

    SessionStillValid(UserDetailsManager users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication signedIn = context.getAuthentication();
        if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
            UserDetails user = currentAccount(signedIn.getName());
            if (user == null || !user.isEnabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                if (PageSecurityConfig.fromHtmx(request)) {
                    // htmx would swap the sign-in page into the part it asked for: the whole page goes instead
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                    return;
                }
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            if (!Set.copyOf(user.getAuthorities()).equals(Set.copyOf(signedIn.getAuthorities()))) {
                UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(
                        signedIn.getPrincipal(), null, user.getAuthorities());
                refreshed.setDetails(signedIn.getDetails());
                context.setAuthentication(refreshed);
            }
        }
        chain.doFilter(request, response);
    }

    /** One query per page request: the account as it is now, or null once it is gone. */
    private UserDetails currentAccount(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
