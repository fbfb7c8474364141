package io.sartracker.service.security;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users of the tracker's own database: who they are, their roles, whether they may sign in.
 * Passwords are stored only as bcrypt hashes; a generated password is shown once, to the
 * administrator who asked for it.
 */
@Service
public class UserAccounts {
    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be checked only in part. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user as administrators see it: never the password or its hash. */
    public record Account(String username, Set<TrackerRole> roles, boolean enabled) {
    }

    /** An account with the password just set, when the tracker generated it (shown this once). */
    public record AccountWithPassword(String username, Set<TrackerRole> roles, boolean enabled,
                                      String generatedPassword) {
    }

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcUserDetailsManager users, PasswordEncoder encoder, JdbcTemplate jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    public boolean none() {
        return jdbc.queryForObject("select count(*) from users", Long.class) == 0;
    }

    public List<Account> all() {
        return jdbc.queryForList("select username from users order by username", String.class).stream()
                .map(this::account).toList();
    }

    public Account account(String username) {
        UserDetails user = find(username).orElseThrow(() -> unknown(username));
        return new Account(user.getUsername(), roles(user.getAuthorities()), user.isEnabled());
    }

    @Transactional
    public AccountWithPassword create(String username, Collection<TrackerRole> roles, String password, String by) {
        requireUsername(username);
        requireRoles(roles);
        if (users.userExists(username)) {
            throw RuleViolation.of(RuleCode.USER_ALREADY_EXISTS, "A user named " + username + " exists already;"
                    + " choose another name, or reset that user's password.", "username", username);
        }
        String chosen = password == null ? generatedPassword() : requirePassword(password);
        users.createUser(User.withUsername(username).password(encoder.encode(chosen))
                .authorities(authorities(roles)).build());
        log.info("{} created the user {} with the roles {}", by, username, roles);
        return new AccountWithPassword(username, EnumSet.copyOf(roles), true, password == null ? chosen : null);
    }

    @Transactional
    public Account changeRoles(String username, Collection<TrackerRole> roles, String by) {
        requireRoles(roles);
        UserDetails user = find(username).orElseThrow(() -> unknown(username));
        if (!roles.contains(TrackerRole.ADMINISTRATOR)) {
            requireAnotherAdministrator(username);
        }
        users.updateUser(User.withUserDetails(user).authorities(authorities(roles)).build());
        log.info("{} gave the user {} the roles {}", by, username, roles);
        return account(username);
    }

    @Transactional
    public Account enable(String username, boolean enabled, String by) {
        UserDetails user = find(username).orElseThrow(() -> unknown(username));
        if (!enabled) {
            requireAnotherAdministrator(username);
        }
        users.updateUser(User.withUserDetails(user).disabled(!enabled).build());
        log.info("{} {} the user {}", by, enabled ? "enabled" : "disabled", username);
        return account(username);
    }

    @Transactional
    public AccountWithPassword resetPassword(String username, String password, String by) {
        UserDetails user = find(username).orElseThrow(() -> unknown(username));
        String chosen = password == null ? generatedPassword() : requirePassword(password);
        users.updateUser(User.withUserDetails(user).password(encoder.encode(chosen)).build());
        log.info("{} reset the password of the user {}", by, username);
        Account account = account(username);
        return new AccountWithPassword(username, account.roles(), account.enabled(),
                password == null ? chosen : null);
    }

    /**
     * The signed-in person changes their own password, over the API or on the pages alike: only one who
     * signed in with a password has one here (the identity provider keeps the others').
     */
    @Transactional
    public void changeOwnPassword(Recorder me, String currentPassword, String newPassword) {
        if (!"password".equals(me.signedInBy())) {
            throw RuleViolation.of(RuleCode.CURRENT_PASSWORD_WRONG, "You signed in through the identity provider;"
                    + " change your password there.", "signedInBy", me.signedInBy());
        }
        if (newPassword == null) {
            throw new IllegalArgumentException("newPassword is required");
        }
        changeOwnPassword(me.name(), currentPassword, newPassword);
    }

    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserDetails user = find(username).orElseThrow(() -> unknown(username));
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPassword())) {
            throw RuleViolation.of(RuleCode.CURRENT_PASSWORD_WRONG, "The current password is not right;"
                    + " the password was not changed.", "username", username);
        }
        users.updateUser(User.withUserDetails(user).password(encoder.encode(requirePassword(newPassword))).build());
        log.info("{} changed their password", username);
    }

    static String generatedPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    private Optional<UserDetails> find(String username) {
        if (username == null || !USERNAME.matcher(username).matches() || !users.userExists(username)) {
            return Optional.empty();
        }
        return Optional.of(users.loadUserByUsername(username));
    }

    private void requireAnotherAdministrator(String username) {
        long others = jdbc.queryForObject("select count(*) from users u join authorities a on a.username = u.username"
                        + " where u.enabled = true and a.authority = ? and u.username <> ?", Long.class,
                TrackerRole.ADMINISTRATOR.authority(), username);
        if (others == 0) {
            throw RuleViolation.of(RuleCode.LAST_ADMINISTRATOR, username + " is the only enabled administrator;"
                    + " give another user the role ADMINISTRATOR first, so that someone can still manage users.",
                    "username", username);
        }
    }

    private static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()
                || username.toLowerCase(Locale.ROOT).equals(Recorder.SYSTEM_NAME)) {
            throw RuleViolation.of(RuleCode.UNACCEPTABLE_CREDENTIALS, "A user name is 1 to 64 letters, digits and"
                    + " . _ @ - (an e-mail address will do), and not \"system\", which names the tracker itself.",
                    "username", username == null ? null : username.substring(0, Math.min(username.length(), 70)));
        }
    }

    private static void requireRoles(Collection<TrackerRole> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw RuleViolation.of(RuleCode.UNACCEPTABLE_CREDENTIALS, "Give the user at least one role, from "
                    + List.of(TrackerRole.values()) + ".", "roles", roles);
        }
    }

    private static String requirePassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw RuleViolation.of(RuleCode.UNACCEPTABLE_CREDENTIALS, "A password is at least " + MIN_PASSWORD_LENGTH
                    + " characters and at most " + MAX_PASSWORD_BYTES + " bytes long; leave it out to have the"
                    + " tracker generate one.", "minimumLength", MIN_PASSWORD_LENGTH);
        }
        return password;
    }

    private static RuleViolation unknown(String username) {
        return RuleViolation.of(RuleCode.UNKNOWN_USER, "No user is named " + username + ".", "username",
                username == null ? null : username.substring(0, Math.min(username.length(), 70)));
    }

    private static List<GrantedAuthority> authorities(Collection<TrackerRole> roles) {
        return roles.stream().distinct()
                .map(role -> (GrantedAuthority) new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        role.authority())).toList();
    }

    private static Set<TrackerRole> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<TrackerRole> roles = EnumSet.noneOf(TrackerRole.class);
        authorities.stream().map(GrantedAuthority::getAuthority).map(TrackerRole::named).flatMap(Optional::stream)
                .forEach(roles::add);
        return roles;
    }
}
