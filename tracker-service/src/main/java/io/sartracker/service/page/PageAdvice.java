package io.sartracker.service.page;

import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.SignedIn;
import io.sartracker.service.security.TrackerRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * What every page shows: who is signed in and what their roles let them open, the date and instant
 * picked, the language switch; and a failure as a page (the API's advice answers problem documents).
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);
    private final Clock clock;

    public PageAdvice(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        Set<TrackerRole> roles = SignedIn.roles();
        model.addAttribute("canRead", roles.contains(TrackerRole.EQUITY_ADMINISTRATOR)
                || roles.contains(TrackerRole.COMPLIANCE) || roles.contains(TrackerRole.REPORTING));
        model.addAttribute("canRecord", roles.contains(TrackerRole.EQUITY_ADMINISTRATOR));
        // names and addresses: the holder directory and the statutory register
        model.addAttribute("canReadNames", AccessPolicy.readsPayloads(roles));
        model.addAttribute("canOperate", roles.contains(TrackerRole.OPERATOR) || roles.contains(TrackerRole.COMPLIANCE));
        model.addAttribute("canRebuild", roles.contains(TrackerRole.COMPLIANCE));
        model.addAttribute("canRetry", roles.contains(TrackerRole.OPERATOR));
        model.addAttribute("canAdmin", roles.contains(TrackerRole.ADMINISTRATOR));
        model.addAttribute("roles", roles);
        model.addAttribute("todayDate", LocalDate.now(clock.withZone(PageFormat.TOKYO)));
        model.addAttribute("asOf", blankToNull(request.getParameter("asOf")));
        model.addAttribute("knownAt", blankToNull(request.getParameter("knownAt")));
        model.addAttribute("path", request.getRequestURI());
        String keep = keep(request);
        model.addAttribute("keep", keep.isEmpty() ? "" : "?" + keep);
        model.addAttribute("langJa", request.getRequestURI() + "?lang=ja" + (keep.isEmpty() ? "" : "&" + keep));
        model.addAttribute("langEn", request.getRequestURI() + "?lang=en" + (keep.isEmpty() ? "" : "&" + keep));
    }

    /** The picked date and instant, kept on every link. */
    static String keep(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        for (String name : new String[]{"asOf", "knownAt"}) {
            String value = blankToNull(request.getParameter(name));
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(Exception e, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("app/error");
        RuleViolation violation = PageErrors.causeOfType(e, RuleViolation.class);
        IllegalArgumentException invalid = PageErrors.causeOfType(e, IllegalArgumentException.class);
        if (violation != null) {
            page.addObject("code", violation.code().name());
            page.addObject("message", violation.getMessage());
            page.addObject("figures", violation.figures());
            response.setStatus(violation.code().name().startsWith("UNKNOWN_") ? 404 : 422);
        } else if (invalid != null) {
            page.addObject("code", "INVALID_INPUT");
            page.addObject("message", invalid.getMessage());
            response.setStatus(400);
        } else {
            log.error("A page failed", e);
            page.addObject("code", "UNEXPECTED");
            page.addObject("message", "The tracker failed unexpectedly; the failure is in the service log.");
            response.setStatus(500);
        }
        org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
        common(request, model);
        page.addAllObjects(model);
        return page;
    }
}
