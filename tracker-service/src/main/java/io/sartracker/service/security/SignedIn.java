package io.sartracker.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The roles of the person signed in on the current request. */
public final class SignedIn {
    private SignedIn() {
    }

    public static Set<TrackerRole> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<TrackerRole> roles = EnumSet.noneOf(TrackerRole.class);
        if (authentication != null) {
            authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .map(TrackerRole::named).flatMap(Optional::stream).forEach(roles::add);
        }
        return roles;
    }
}
