package io.sartracker.service.page;

import io.sartracker.service.notice.NoticeChannel;
import io.sartracker.service.notice.NoticeController;
import io.sartracker.service.notice.NoticeKind;
import io.sartracker.service.notice.NoticeRequest;
import io.sartracker.service.notice.NoticeSubscriptions;
import io.sartracker.service.security.Recorder;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.Map;

/**
 * The signed-in user's notices: subscribe (a webhook's secret is shown on the answer to the form, once, and
 * never kept in the session), stop a subscription, and read the log of every notice and attempt. The rules are
 * those of the API ({@link NoticeRequest}, {@link NoticeSubscriptions}); a refusal is shown beside its field.
 */
@Controller
public class NoticesPageController {
    private final NoticeSubscriptions subscriptions;
    private final NoticeController api;

    public NoticesPageController(NoticeSubscriptions subscriptions, NoticeController api) {
        this.subscriptions = subscriptions;
        this.api = api;
    }

    @GetMapping("/app/notices")
    public String page(Model model) {
        model.addAttribute("noWhen", true);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("channels", NoticeChannel.values());
        model.addAttribute("subscriptions", api.list().items());
        model.addAttribute("deliveries", api.deliveries().items());
        return "app/notices";
    }

    @PostMapping("/app/notices")
    public String subscribe(@RequestParam(defaultValue = "") String kind,
                            @RequestParam(defaultValue = "") String daysBefore,
                            @RequestParam(defaultValue = "") String channel,
                            @RequestParam(defaultValue = "") String target,
                            Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            NoticeRequest request = new NoticeRequest(choice(NoticeKind.class, kind, "kind"), days(daysBefore),
                    choice(NoticeChannel.class, channel, "channel"), target);
            model.addAttribute("created", subscriptions.create(Recorder.current().name(), request));
        } catch (IllegalArgumentException e) {
            model.addAttribute("rejection", new UsersController.Rejection(null, fieldOf(e.getMessage()),
                    "INVALID_INPUT", e.getMessage(), Map.of()));
            model.addAttribute("typed", Map.of("kind", kind, "daysBefore", daysBefore, "channel", channel,
                    "target", target));
            response.setStatus(PageErrors.formStatus("INVALID_INPUT"));
        }
        return page(model);
    }

    @PostMapping("/app/notices/{subscriptionId}/deletion")
    public String stop(@PathVariable String subscriptionId, Model model, HttpServletResponse response) {
        try {
            subscriptions.delete(Recorder.current().name(), subscriptionId);
        } catch (RuntimeException e) {
            UsersController.Rejection rejection = UsersController.Rejection.of(subscriptionId, "subscription", e);
            model.addAttribute("rejection", rejection);
            response.setStatus(rejection.status());
            return page(model);
        }
        return "redirect:/app/notices";
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + " is one of "
                        + Arrays.toString(type.getEnumConstants())));
    }

    private static Integer days(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("daysBefore is a whole number of days, was " + value.strip());
        }
    }

    /** The field a refused subscription's sentence is about: it names the field first or says which it needs. */
    private static String fieldOf(String sentence) {
        if (sentence.startsWith("kind")) {
            return "kind";
        }
        if (sentence.startsWith("channel")) {
            return "channel";
        }
        return sentence.contains("daysBefore") ? "daysBefore" : "target";
    }
}
