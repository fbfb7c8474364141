package io.sartracker.service.page;

import io.sartracker.service.security.Recorder;
import io.sartracker.service.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;
import java.util.Map;

/**
 * Any signed-in user changes their own password: the current one, the new one twice. The change and its
 * rules (the current password, the length, a sign-in through the identity provider) are
 * {@link UserAccounts}' own, as {@code PUT /me/password}'s; the page only checks that the new password
 * was typed the same twice. A refusal is shown beside the field it concerns; no password is ever shown back.
 */
@Controller
public class OwnPasswordController {
    private final UserAccounts accounts;
    private final MessageSource messages;

    public OwnPasswordController(UserAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A refusal and the field it concerns: {@code currentPassword}, {@code newPassword} or {@code confirmPassword}. */
    public record Refusal(String field, String code, String message, Map<String, Object> figures) {
    }

    @GetMapping("/app/me/password")
    public String page(Model model) {
        model.addAttribute("noWhen", true);
        return "app/password";
    }

    @PostMapping("/app/me/password")
    public String change(@RequestParam(defaultValue = "") String currentPassword,
                         @RequestParam(defaultValue = "") String newPassword,
                         @RequestParam(defaultValue = "") String confirmPassword,
                         Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Refusal refusal;
        if (!newPassword.equals(confirmPassword)) {
            String sentence = messages.getMessage("rejection.PASSWORDS_DIFFER", null, Locale.ENGLISH);
            refusal = new Refusal("confirmPassword", "PASSWORDS_DIFFER", sentence, Map.of());
        } else {
            try {
                accounts.changeOwnPassword(Recorder.current(), currentPassword, newPassword);
                redirect.addFlashAttribute("done", true);
                return "redirect:/app/me/password";
            } catch (RuntimeException e) {
                UsersController.Rejection rejection = UsersController.Rejection.of(null, null, e);
                refusal = new Refusal(switch (rejection.code()) {
                    case "CURRENT_PASSWORD_WRONG" -> "currentPassword";
                    default -> "newPassword";
                }, rejection.code(), rejection.message(), rejection.figures());
            }
        }
        model.addAttribute("refusal", refusal);
        response.setStatus(PageErrors.formStatus(refusal.code()));
        return page(model);
    }
}
