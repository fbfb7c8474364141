package io.sartracker.service.page;

import io.sartracker.kernel.event.RightsExercised;
import io.sartracker.kernel.rule.RuleViolation;
import io.sartracker.query.register.Views;
import io.sartracker.service.config.AuditMetadata;
import io.sartracker.service.config.DryRun;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import io.sartracker.service.web.Recorded;
import io.sartracker.service.page.RecordForms.Field;
import io.sartracker.service.page.RecordForms.FieldProblem;
import io.sartracker.service.page.RecordForms.Form;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recording forms of the equity administrators. Each sends the command the HTTP API sends,
 * through the same {@link CommandSender}; a rejection is shown beside the field it concerns with the
 * rule's sentence and figures, and what was typed is kept. An exercise is first decided in a dry run
 * ({@link DryRun}) so the form shows what it will record before it is confirmed.
 */
@Controller
public class RecordController {
    private final CommandSender sender;
    private final CommandGateway gateway;
    private final PageQueries queries;
    private final Clock clock;
    private final MessageSource messages;

    public RecordController(CommandSender sender, CommandGateway gateway, PageQueries queries, Clock clock,
                            MessageSource messages) {
        this.messages = messages;
        this.sender = sender;
        this.gateway = gateway;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/app/record")
    public String form(@RequestParam(defaultValue = "allotment") String fact,
                       @RequestParam Map<String, String> values, Model model) {
        Form form = RecordForms.FORMS.get(fact);
        if (form == null) {
            throw new IllegalArgumentException("'" + fact + "' is not a fact the tracker records; choose one of "
                    + RecordForms.FORMS.keySet());
        }
        Map<String, String> typed = new LinkedHashMap<>(values);
        if (fact.equals("reversal") || fact.equals("personReversal")) {
            typed.putIfAbsent("reversedOn", LocalDate.now(clock.withZone(PageFormat.TOKYO)).toString());
        }
        if (fact.equals("allotmentAmountCorrection")) {
            typed.putIfAbsent("correctionDate", LocalDate.now(clock.withZone(PageFormat.TOKYO)).toString());
        }
        return render(form, typed, model);
    }

    private String render(Form form, Map<String, String> typed, Model model) {
        List<Views.RegisterView> registers = queries.registers(When.NOW);
        Set<String> series = new TreeSet<>();
        Set<String> issuers = new TreeSet<>();
        Set<String> people = new TreeSet<>();
        for (Views.RegisterView r : registers) {
            series.add(r.seriesId());
            issuers.add(r.issuerId());
            r.holders().forEach(h -> {
                people.add(h.holderId());
                if (h.heirId() != null) {
                    people.add(h.heirId());
                }
            });
        }
        model.addAttribute("facts", RecordForms.FORMS.keySet());
        model.addAttribute("form", form);
        model.addAttribute("values", typed);
        model.addAttribute("seriesChoices", series);
        model.addAttribute("issuerChoices", issuers);
        model.addAttribute("people", people);
        return "app/record";
    }

    @PostMapping("/app/record/{fact}")
    public String record(@PathVariable String fact, @RequestParam Map<String, String> values,
                         @RequestParam(name = "priceHistory", required = false) MultipartFile priceHistory,
                         @RequestParam(name = "action", defaultValue = "record") String action,
                         Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale)
            throws IOException {
        Form form = RecordForms.FORMS.get(fact);
        if (form == null) {
            throw new IllegalArgumentException("'" + fact + "' is not a fact the tracker records");
        }
        Map<String, String> typed = new LinkedHashMap<>(values);
        typed.remove("_csrf");
        typed.remove("action");
        byte[] upload = priceHistory == null || priceHistory.isEmpty() ? null : priceHistory.getBytes();
        try {
            Object command = form.builder().command(new RecordForms.Values(typed, upload));
            if (form.previewed() && !action.equals("confirm")) {
                model.addAttribute("preview", preview(command));
                return render(form, typed, model);
            }
            Recorded recorded = sender.send(command, Recorder.current());
            redirect.addFlashAttribute("done", recorded.events().stream().map(Recorded.RecordedEvent::type)
                    .distinct().toList());
            redirect.addAttribute("fact", fact);
            for (Field field : form.fields()) {
                if (field.name().equals("seriesId") || field.name().equals("issuerId")) {
                    String value = typed.get(field.name());
                    if (value != null) {
                        redirect.addAttribute(field.name(), value);
                    }
                }
            }
            return "redirect:/app/record";
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.of(e, form, messages, locale);
            model.addAttribute("rejection", rejection);
            response.setStatus(rejection.status());
            return render(form, typed, model);
        }
    }

    /** What an exercise would record: the aggregate decides it in full, then nothing is committed. */
    private List<RightsExercised> preview(Object command) {
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(AuditMetadata.of(command, Recorder.current(), null).and(DryRun.METADATA, true)));
        } catch (RuntimeException e) {
            DryRun.Previewed previewed = PageErrors.causeOfType(e, DryRun.Previewed.class);
            if (previewed == null) {
                throw e;
            }
            return previewed.events().stream().map(EventMessage::getPayload)
                    .filter(RightsExercised.class::isInstance).map(RightsExercised.class::cast).toList();
        }
        throw new IllegalStateException("a dry run must never commit");
    }

    /**
     * A refusal: the rule's code, its sentence as the API answers it and its figures, and the field they
     * concern (none: the whole form). {@code said} is the sentence already in the reader's language (a value
     * the form could not read), else null: {@link RejectionText} says the rule's in the reader's language.
     */
    public record Rejection(String code, String message, Map<String, Object> figures, String field, String said) {
        public RejectionText.Text text(RejectionText rejections, java.util.Locale locale) {
            RejectionText.Text text = rejections.of(code, message, figures, locale);
            return said == null ? text : new RejectionText.Text(said, text.figures());
        }

        int status() {
            return PageErrors.formStatus(code);
        }

        static Rejection of(RuntimeException e, Form form, org.springframework.context.MessageSource messages,
                            java.util.Locale locale) {
            FieldProblem problem = PageErrors.causeOfType(e, FieldProblem.class);
            if (problem != null) {
                String said = problem.kind == null ? problem.typed
                        : messages.getMessage("inputProblem." + problem.kind, new Object[]{problem.typed}, locale);
                return new Rejection("INVALID_INPUT", said, Map.of(), problem.field, said);
            }
            RuleViolation violation = PageErrors.causeOfType(e, RuleViolation.class);
            if (violation != null) {
                return new Rejection(violation.code().name(), violation.getMessage(), violation.figures(),
                        fieldOf(form, violation), null);
            }
            IllegalArgumentException invalid = PageErrors.causeOfType(e, IllegalArgumentException.class);
            if (invalid != null) {
                return new Rejection("INVALID_INPUT", invalid.getMessage(), Map.of(),
                        mentioned(form, String.valueOf(invalid.getMessage())), null);
            }
            org.axonframework.modelling.command.AggregateNotFoundException missing =
                    PageErrors.causeOfType(e, org.axonframework.modelling.command.AggregateNotFoundException.class);
            if (missing != null) {
                return new Rejection("UNKNOWN_SERIES", "No series " + missing.getAggregateIdentifier()
                        + " is recorded; issue it first.", Map.of("seriesId", missing.getAggregateIdentifier()),
                        "seriesId", null);
            }
            throw e;
        }

        /** The first figure that names a field of the form (the exercise's date, the rights...), else a field the sentence names. */
        private static String fieldOf(Form form, RuleViolation violation) {
            for (String figure : violation.figures().keySet()) {
                for (Field field : form.fields()) {
                    if (field.name().equals(figure)) {
                        return field.name();
                    }
                }
            }
            String named = mentioned(form, violation.getMessage());
            if (named != null) {
                return named;
            }
            return form.fields().stream().filter(f -> f.kind() == RecordForms.Kind.DATE).map(Field::name)
                    .findFirst().orElse(null);
        }

        private static String mentioned(Form form, String message) {
            return form.fields().stream().map(Field::name).filter(message::contains).findFirst().orElse(null);
        }
    }
}
