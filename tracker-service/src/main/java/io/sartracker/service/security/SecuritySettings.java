package io.sartracker.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code tracker.security.*}: how people sign in.
 *
 * @param passwordSignIn  users of the tracker's own database sign in with their password (HTTP Basic);
 *                        false accepts only the identity provider's bearer tokens
 * @param bcryptStrength  the work factor of stored password hashes (each step doubles the time to check one)
 * @param allowedOrigins  web origins besides the service's own that may call it from a browser (CORS); none by default
 * @param jwt             the identity provider whose bearer tokens are accepted; off unless a key source is given
 */
@ConfigurationProperties("tracker.security")
public record SecuritySettings(@DefaultValue("true") boolean passwordSignIn,
                               @DefaultValue("12") int bcryptStrength,
                               @DefaultValue List<String> allowedOrigins,
                               @DefaultValue Jwt jwt) {

    /**
     * @param jwkSetUri         the provider's key set (production), e.g. https://idp.example/.well-known/jwks.json
     * @param publicKeyLocation a PEM public key instead of a key set, e.g. file:/etc/tracker/idp.pem
     * @param issuer            the {@code iss} every token must carry
     * @param audience          an {@code aud} every token must carry
     * @param rolesClaim        the claim holding the tracker roles; a dotted path reaches into objects
     *                          (Keycloak: realm_access.roles)
     * @param nameClaim         the claim naming the person, recorded as the recorder of their facts
     */
    public record Jwt(String jwkSetUri, String publicKeyLocation, String issuer, String audience,
                      @DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String nameClaim) {

        public boolean enabled() {
            return hasText(jwkSetUri) || hasText(publicKeyLocation);
        }
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
