package io.sartracker.service.page;

import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.security.TrackerRole;
import io.sartracker.service.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users page of administrators: every user with their roles; add a user (a generated password
 * is shown once, on the answer to the form, never kept), change roles, reset a password, disable or
 * enable. Every change is {@link UserAccounts}' own, as the API's; a refusal (the last administrator,
 * a name taken, a short password...) is shown beside the field it concerns.
 */
@Controller
public class UsersController {
    private final UserAccounts accounts;

    public UsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** A refusal: the user it concerns (null: the new user's form), the field, the rule's code, sentence and figures. */
    public record Rejection(String username, String field, String code, String message, Map<String, Object> figures) {
        static Rejection of(String username, String field, RuntimeException e) {
            RuleViolation violation = PageErrors.causeOfType(e, RuleViolation.class);
            if (violation != null) {
                return new Rejection(username, field != null ? field : fieldOf(violation), violation.code().name(),
                        violation.getMessage(), violation.figures());
            }
            IllegalArgumentException invalid = PageErrors.causeOfType(e, IllegalArgumentException.class);
            if (invalid != null) {
                return new Rejection(username, field, "INVALID_INPUT", invalid.getMessage(), Map.of());
            }
            throw e;
        }

        private static String fieldOf(RuleViolation violation) {
            if (violation.figures().containsKey("roles")) {
                return "roles";
            }
            if (violation.figures().containsKey("minimumLength")) {
                return "password";
            }
            return "username";
        }

        int status() {
            return PageErrors.formStatus(code);
        }

        public boolean concerns(String user, String name) {
            return java.util.Objects.equals(username, user) && name.equals(field);
        }
    }

    /** A password the tracker generated, shown this once. */
    public record Generated(String username, String password) {
    }

    @GetMapping("/app/users")
    public String users(Model model) {
        return page(model);
    }

    @PostMapping("/app/users")
    public String add(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                      @RequestParam(required = false) List<String> roles, Model model, HttpServletResponse response) {
        noStore(response);
        try {
            UserAccounts.AccountWithPassword created = accounts.create(username == null ? null : username.strip(),
                    roles(roles), password == null || password.isEmpty() ? null : password, Recorder.current().name());
            model.addAttribute("done", "created");
            model.addAttribute("doneUser", created.username());
            if (created.generatedPassword() != null) {
                model.addAttribute("generated", new Generated(created.username(), created.generatedPassword()));
            }
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(null, null, e);
            model.addAttribute("rejection", rejection);
            response.setStatus(rejection.status());
            model.addAttribute("typedUsername", username);
            model.addAttribute("typedRoles", roles == null ? List.of() : roles);
        }
        return page(model);
    }

    @PostMapping("/app/users/{username}/roles")
    public String changeRoles(@PathVariable String username, @RequestParam(required = false) List<String> roles,
                              Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.changeRoles(username, roles(roles), Recorder.current().name());
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(username, "roles", e);
            model.addAttribute("rejection", rejection);
            response.setStatus(rejection.status());
            return page(model);
        }
        return done(redirect, "rolesSaved", username);
    }

    @PostMapping("/app/users/{username}/enabled")
    public String enable(@PathVariable String username, @RequestParam(required = false) String enabled, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (!"true".equals(enabled) && !"false".equals(enabled)) {
                throw new IllegalArgumentException("enabled is true or false");
            }
            accounts.enable(username, Boolean.parseBoolean(enabled), Recorder.current().name());
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(username, "enabled", e);
            model.addAttribute("rejection", rejection);
            response.setStatus(rejection.status());
            return page(model);
        }
        return done(redirect, "true".equals(enabled) ? "enabled" : "disabled", username);
    }

    @PostMapping("/app/users/{username}/password-resets")
    public String resetPassword(@PathVariable String username, Model model, HttpServletResponse response) {
        noStore(response);
        try {
            UserAccounts.AccountWithPassword reset = accounts.resetPassword(username, null, Recorder.current().name());
            model.addAttribute("done", "reset");
            model.addAttribute("doneUser", username);
            model.addAttribute("generated", new Generated(username, reset.generatedPassword()));
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(username, "password", e);
            model.addAttribute("rejection", rejection);
            response.setStatus(rejection.status());
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("noWhen", true);
        List<UserAccounts.Account> all = accounts.all();
        model.addAttribute("accounts", all);
        // a refusal about a user with no line (an unknown name) is shown above the page
        Object rejection = model.getAttribute("rejection");
        model.addAttribute("formError", rejection instanceof Rejection r && r.username() != null
                && all.stream().noneMatch(a -> a.username().equals(r.username())));
        model.addAttribute("allRoles", List.of(TrackerRole.values()));
        return "app/users";
    }

    private static String done(RedirectAttributes redirect, String what, String username) {
        redirect.addFlashAttribute("done", what);
        redirect.addFlashAttribute("doneUser", username);
        return "redirect:/app/users";
    }

    /** The roles ticked; a name that is no role is left out (and none at all is refused by {@link UserAccounts}). */
    private static Set<TrackerRole> roles(List<String> names) {
        Set<TrackerRole> roles = EnumSet.noneOf(TrackerRole.class);
        if (names != null) {
            names.stream().map(TrackerRole::named).flatMap(Optional::stream).forEach(roles::add);
        }
        return roles;
    }

    /** A page that may show a generated password is never cached. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
