package io.sartracker.service.security;

import io.sartracker.service.security.AccessPolicy.Access;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.access.AccessDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in for the pages: a browser session (form login against the same users and roles as the API,
 * a session cookie that is HttpOnly and SameSite=Lax), Spring's synchronizer CSRF token in every form
 * and in htmx's requests, and sign-out. Ordered before the API's chain ({@link SecurityConfig}),
 * which matches everything else and stays stateless and cookie-less. What each role may open is
 * {@link AccessPolicy}, the same table as the API's.
 */
@Configuration
public class PageSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, JdbcUserDetailsManager users) throws Exception {
        http.securityMatcher(AccessPolicy.PAGE_PATHS.toArray(String[]::new));
        http.addFilterBefore(new SessionStillValid(users), AuthorizationFilter.class);
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(AccessPolicy.PUBLIC_PAGE_PATHS.toArray(String[]::new)).permitAll();
            for (Access access : AccessPolicy.TABLE) {
                if (AccessPolicy.isPage(access.path())) {
                    requests.requestMatchers(access.method(), access.path())
                            .hasAnyRole(access.roles().stream().map(Enum::name).toArray(String[]::new));
                }
            }
            requests.anyRequest().authenticated();
        });
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                .deleteCookies("JSESSIONID"));
        // htmx follows a redirect inside its request and would swap the sign-in page into a part of the page
        // (the rebuild's progress, polled every second, once the session has expired): htmx's requests are
        // answered 401 with HX-Redirect instead, so that the browser goes to the sign-in page as a whole.
        LoginUrlAuthenticationEntryPoint toSignIn = new LoginUrlAuthenticationEntryPoint("/login");
        http.exceptionHandling(errors -> errors.accessDeniedHandler(PageSecurityConfig::denied)
                .authenticationEntryPoint((request, response, e) -> {
                    if (fromHtmx(request)) {
                        signInAsAWhole(request, response, e);
                    } else {
                        toSignIn.commence(request, response, e);
                    }
                }));
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                        + " style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    static boolean fromHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static void signInAsAWhole(HttpServletRequest request, HttpServletResponse response,
                                       org.springframework.security.core.AuthenticationException e) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("HX-Redirect", request.getContextPath() + "/login");
    }

    /**
     * A refusal is the page saying so, with status 403, whatever the method that was refused. An htmx
     * request whose session has expired has lost its CSRF token with it: the sign-in page, as a whole.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws java.io.IOException, jakarta.servlet.ServletException {
        if (fromHtmx(request) && e instanceof org.springframework.security.web.csrf.CsrfException
                && (request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid())) {
            signInAsAWhole(request, response, null);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        HttpServletRequest asGet = new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
        request.getRequestDispatcher("/app/denied").forward(asGet, response);
    }
}
