package io.sartracker.service.security;

import io.sartracker.service.security.AccessPolicy.Access;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Sign-in and roles. Users of the tracker's own database sign in with HTTP Basic; an identity
 * provider's bearer tokens are accepted when one is configured. No session and no cookie: every
 * request carries its credentials, so there is nothing for a foreign web page to ride on, and
 * {@link CrossOriginGuard} refuses changes sent from one anyway. What each role may call is
 * {@link AccessPolicy}.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfig {

    /** Static: it runs before the other beans, the database among them, are made. */
    @Bean
    static DataFolderPermissions dataFolderPermissions() {
        return new DataFolderPermissions();
    }

    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        // Stored hashes name their scheme ({bcrypt}...), so a later change of scheme still reads older ones.
        return new RememberedPasswordChecks(new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(settings.bcryptStrength()))));
    }

    /** Spring Security's own user store, on its standard tables (Flyway V9). */
    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings,
                                            ProblemAuthentication problems) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(AccessPolicy.PUBLIC_PATHS.toArray(String[]::new)).permitAll();
            for (Access access : AccessPolicy.TABLE) {
                requests.requestMatchers(access.method(), access.path())
                        .hasAnyRole(access.roles().stream().map(Enum::name).toArray(String[]::new));
            }
            // Every endpoint has a line in the table (AccessPolicyTest); the rest answers 404 or 405 to a signed-in user.
            requests.anyRequest().authenticated();
        });
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // No cookie authenticates a request, so there is no session for a forged request to use.
        http.csrf(csrf -> csrf.disable());
        http.addFilterBefore(new CrossOriginGuard(settings.allowedOrigins()), BasicAuthenticationFilter.class);
        if (settings.allowedOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            http.cors(cors -> cors.configurationSource(corsFor(settings.allowedOrigins())));
        }
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        if (settings.passwordSignIn()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        if (settings.jwt().enabled()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new IdentityProviderRoles(settings.jwt()))));
        }
        http.formLogin(form -> form.disable());
        http.logout(logout -> logout.disable());
        http.requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The identity provider's token checker, when one is configured: signature, expiry, issuer, audience. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${tracker.security.jwt.jwk-set-uri:}' != '' or '${tracker.security.jwt.public-key-location:}' != ''")
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        SecuritySettings.Jwt jwt = settings.jwt();
        NimbusJwtDecoder decoder = SecuritySettings.hasText(jwt.jwkSetUri())
                ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(jwt.publicKeyLocation())).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(SecuritySettings.hasText(jwt.issuer()) ? JwtValidators.createDefaultWithIssuer(jwt.issuer())
                : JwtValidators.createDefault());
        if (SecuritySettings.hasText(jwt.audience())) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(jwt.audience())));
        }
        // The lapse sweep records as "system": no token may name a person so.
        validators.add(new JwtClaimValidator<Object>(jwt.nameClaim(),
                name -> name != null && !Recorder.SYSTEM_NAME.equalsIgnoreCase(name.toString())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static RSAPublicKey publicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity provider's public key at " + location, e);
        }
    }

    private static UrlBasedCorsConfigurationSource corsFor(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                HttpMethod.DELETE.name()));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                "X-Request-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
