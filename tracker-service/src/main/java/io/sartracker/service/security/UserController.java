package io.sartracker.service.security;

import io.sartracker.service.security.UserAccounts.Account;
import io.sartracker.service.security.UserAccounts.AccountWithPassword;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Administrators manage the users of the tracker's own database; everyone may see who they are signed in as. */
@RestController
public class UserController {

    record NewUserRequest(String username, Set<TrackerRole> roles, String password) {
    }

    record RolesRequest(Set<TrackerRole> roles) {
    }

    record EnabledRequest(Boolean enabled) {
    }

    record PasswordResetRequest(String password) {
    }

    record OwnPasswordRequest(String currentPassword, String newPassword) {
    }

    /** The person signed in, their roles and how they signed in. */
    record Me(String username, Set<TrackerRole> roles, String signedInBy) {
    }

    private final UserAccounts accounts;

    public UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    public List<Account> users() {
        return accounts.all();
    }

    @PostMapping("/users")
    public ResponseEntity<AccountWithPassword> create(@RequestBody NewUserRequest request) {
        AccountWithPassword created = accounts.create(request.username(), request.roles(), request.password(),
                Recorder.current().name());
        return ResponseEntity.created(URI.create("/users/" + created.username())).body(created);
    }

    @GetMapping("/users/{username}")
    public Account user(@PathVariable String username) {
        return accounts.account(username);
    }

    @PutMapping("/users/{username}/roles")
    public Account roles(@PathVariable String username, @RequestBody RolesRequest request) {
        return accounts.changeRoles(username, request.roles(), Recorder.current().name());
    }

    @PutMapping("/users/{username}/enabled")
    public Account enabled(@PathVariable String username, @RequestBody EnabledRequest request) {
        if (request.enabled() == null) {
            throw new IllegalArgumentException("enabled is true or false");
        }
        return accounts.enable(username, request.enabled(), Recorder.current().name());
    }

    /** Sets the password given, or generates one and answers it this once; the user should change it. */
    @PostMapping("/users/{username}/password-resets")
    public AccountWithPassword resetPassword(@PathVariable String username,
                                             @RequestBody(required = false) PasswordResetRequest request) {
        return accounts.resetPassword(username, request == null ? null : request.password(),
                Recorder.current().name());
    }

    @GetMapping("/me")
    public Me me() {
        Recorder me = Recorder.current();
        return new Me(me.name(), SignedIn.roles(), me.signedInBy());
    }

    @PutMapping("/me/password")
    public ResponseEntity<Void> changeOwnPassword(@RequestBody OwnPasswordRequest request) {
        accounts.changeOwnPassword(Recorder.current(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
