package io.sartracker.service.page;

import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.directory.DirectoryDetails;
import io.sartracker.service.directory.HolderDirectoryController;
import io.sartracker.service.register.StatutoryRegisterController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The holder directory on the holder page (enter, change, erase) and the statutory register's downloads on the
 * series page. Each calls the API's own handler, so a page does what the API does, refusals included.
 */
@Controller
public class HolderDirectoryPages {
    private final HolderDirectoryController api;
    private final StatutoryRegisterController register;
    private final PageController pages;

    public HolderDirectoryPages(HolderDirectoryController api, StatutoryRegisterController register,
                                PageController pages) {
        this.api = api;
        this.register = register;
        this.pages = pages;
    }

    /** A refusal shown above the form: the rule's code, its sentence and figures. */
    public record Rejection(String code, String message, Map<String, Object> figures) {
        static Rejection of(RuntimeException e) {
            RuleViolation violation = PageErrors.causeOfType(e, RuleViolation.class);
            if (violation != null) {
                return new Rejection(violation.code().name(), violation.getMessage(), violation.figures());
            }
            IllegalArgumentException invalid = PageErrors.causeOfType(e, IllegalArgumentException.class);
            if (invalid != null) {
                return new Rejection("INVALID_INPUT", invalid.getMessage(), Map.of());
            }
            throw e;
        }

        int status() {
            return PageErrors.formStatus(code);
        }
    }

    @PostMapping("/app/holders/{personId}/directory")
    public String enter(@PathVariable String personId, @RequestParam(required = false) String nameKanji,
                        @RequestParam(required = false) String nameKana, @RequestParam(required = false) String address,
                        @RequestParam(required = false) String contact, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        try {
            api.enter(personId, new DirectoryDetails(nameKanji, nameKana, address, contact));
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(e);
            response.setStatus(rejection.status());
            model.addAttribute("directoryRejection", rejection);
            model.addAttribute("typed", Map.of("nameKanji", text(nameKanji), "nameKana", text(nameKana),
                    "address", text(address), "contact", text(contact)));
            return pages.holder(personId, null, null, model);
        }
        redirect.addFlashAttribute("directoryDone", "saved");
        return "redirect:/app/holders/" + personId;
    }

    @PostMapping("/app/holders/{personId}/directory/erasure")
    public String erase(@PathVariable String personId, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        try {
            api.erase(personId);
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(e);
            response.setStatus(rejection.status());
            model.addAttribute("directoryRejection", rejection);
            return pages.holder(personId, null, null, model);
        }
        redirect.addFlashAttribute("directoryDone", "erased");
        return "redirect:/app/holders/" + personId;
    }

    /** The register as a file: csv, xlsx or pdf (the default), as of the picked date. */
    @GetMapping("/app/series/{seriesId}/statutory-register")
    public ResponseEntity<?> download(@PathVariable String seriesId, @RequestParam(required = false) String asOf,
                                      @RequestParam(defaultValue = "pdf") String format) {
        if (format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("format is csv, xlsx or pdf, was " + format);
        }
        return register.statutoryRegister(seriesId, When.date(asOf, "asOf"), format);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
