package io.sartracker.service.page;

import io.sartracker.service.filing.Registration;
import io.sartracker.service.filing.RegistrationController;
import io.sartracker.service.filing.RegistrationController.FilingMark;
import io.sartracker.service.filing.RegistrationReport;
import io.sartracker.service.page.HolderDirectoryPages.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * An issuer's registrations of change: the list with deadlines and filing marks, the report of the one picked
 * (its figures, its facts, its CSV and PDF) and the form that marks it filed. Each calls the API's own handler,
 * so the page does what the API does, refusals included.
 */
@Controller
public class RegistrationPages {
    private final RegistrationController api;

    public RegistrationPages(RegistrationController api) {
        this.api = api;
    }

    @GetMapping("/app/issuers/{issuerId}/registrations")
    public String registrations(@PathVariable String issuerId, @RequestParam(required = false) String key,
                                Model model) {
        List<Registration> registrations = api.registrations(issuerId, null).registrations();
        String picked = key != null ? key : registrations.stream().filter(r -> r.filing() == null)
                .map(Registration::key).findFirst().orElse(null);
        model.addAttribute("issuerId", issuerId);
        model.addAttribute("registrations", registrations);
        model.addAttribute("statements", api.statements(issuerId));
        if (picked != null) {
            model.addAttribute("report", (RegistrationReport) api.report(issuerId, picked, "json").getBody());
        }
        return "app/registrations";
    }

    /** The report as a file: csv or pdf (the default). */
    @GetMapping("/app/issuers/{issuerId}/registrations/report")
    public ResponseEntity<?> download(@PathVariable String issuerId, @RequestParam(required = false) String key,
                                      @RequestParam(defaultValue = "pdf") String format) {
        if (format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("format is csv or pdf, was " + format);
        }
        return api.report(issuerId, key, format);
    }

    @PostMapping("/app/issuers/{issuerId}/registrations/filing")
    public String markFiled(@PathVariable String issuerId, @RequestParam(required = false) String key,
                            @RequestParam(required = false) String filedOn,
                            @RequestParam(required = false) String reference, Model model,
                            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            api.markFiled(issuerId, new FilingMark(key, When.date(filedOn, "filedOn"), reference));
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(e);
            response.setStatus(rejection.status());
            model.addAttribute("filingRejection", rejection);
            model.addAttribute("typed", Map.of("filedOn", filedOn == null ? "" : filedOn,
                    "reference", reference == null ? "" : reference));
            return registrations(issuerId, key, model);
        }
        redirect.addFlashAttribute("filingDone", key);
        return "redirect:/app/issuers/" + issuerId + "/registrations?key=" + key;
    }

}
