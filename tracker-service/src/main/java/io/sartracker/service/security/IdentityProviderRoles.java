package io.sartracker.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The roles of a bearer token's holder, from the configured claim: a list of role names, or one
 * string of names separated by spaces or commas. Names that are not tracker roles are ignored, so
 * a provider's other groups do no harm; the person is named by the configured name claim.
 */
final class IdentityProviderRoles implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecuritySettings.Jwt settings;

    IdentityProviderRoles(SecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> roles = names(claim(jwt.getClaims(), settings.rolesClaim()))
                .map(TrackerRole::named).flatMap(Optional::stream).distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
        return new JwtAuthenticationToken(jwt, roles, jwt.getClaimAsString(settings.nameClaim()));
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    private static Stream<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf);
        }
        if (claim instanceof String text) {
            return Stream.of(text.split("[\\s,]+")).filter(name -> !name.isEmpty());
        }
        return Stream.empty();
    }
}
