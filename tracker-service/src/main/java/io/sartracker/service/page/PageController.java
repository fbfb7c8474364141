package io.sartracker.service.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.query.FindAuditTrail;
import io.sartracker.query.api.TrackerQueryHandlers.AuditPage;
import io.sartracker.query.api.TrackerQueryHandlers.HolderView;
import io.sartracker.query.register.ExerciseRecord;
import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import io.sartracker.query.store.AuditStore.AuditEntry;
import io.sartracker.service.directory.HolderDirectory;
import io.sartracker.service.filing.Registrations;
import io.sartracker.service.directory.Retention;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.SignedIn;
import io.sartracker.service.ocf.OcfController;
import io.sartracker.service.web.QueryController;
import io.sartracker.service.security.TrackerRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The pages that read: Today, the series and their registers, a holder, the charts. */
@Controller
public class PageController {
    private static final int MAX_CHART_DATES = 120;
    private final PageQueries queries;
    private final Clock clock;
    private final ObjectMapper json;
    /** The API's own exports, so that a page's CSV is the API's, column for column. */
    private final QueryController api;
    private final OcfController ocf;

    private final HolderDirectory directory;
    private final Retention retention;
    private final Registrations registrations;

    public PageController(PageQueries queries, Clock clock, ObjectMapper json, QueryController api,
                          OcfController ocf, HolderDirectory directory, Retention retention,
                          Registrations registrations) {
        this.registrations = registrations;
        this.api = api;
        this.ocf = ocf;
        this.directory = directory;
        this.retention = retention;
        this.queries = queries;
        this.clock = clock;
        this.json = json;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PageFormat.TOKYO));
    }

    /** The landing page after sign-in: Today for those who read the views, else their own page. */
    @GetMapping("/")
    public String home() {
        Set<TrackerRole> roles = SignedIn.roles();
        if (roles.contains(TrackerRole.EQUITY_ADMINISTRATOR) || roles.contains(TrackerRole.COMPLIANCE)
                || roles.contains(TrackerRole.REPORTING)) {
            return "redirect:/app/today";
        }
        return roles.contains(TrackerRole.OPERATOR) ? "redirect:/app/operations" : "redirect:/app/users";
    }

    public record LapseDue(String seriesId, Views.HoldingView holding) {
    }

    public record Scheduled(String seriesId, String issuerId, Views.Step step) {
    }

    @GetMapping("/app/today")
    public String today(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                        Model model) {
        When when = When.of(asOf, knownAt);
        LocalDate on = when.asOf() != null ? when.asOf()
                : when.knownAt() != null ? LocalDate.ofInstant(when.knownAt(), PageFormat.TOKYO) : today();
        List<Views.RegisterView> registers = queries.registers(when);
        List<LapseDue> lapses = new ArrayList<>();
        List<Scheduled> scheduled = new ArrayList<>();
        for (Views.RegisterView register : registers) {
            register.holders().stream().filter(h -> h.state() == ViewState.LAPSE_DUE)
                    .forEach(h -> lapses.add(new LapseDue(register.seriesId(), h)));
            register.sharesPerRightHistory().stream().filter(Views.Step::scheduled)
                    .forEach(step -> scheduled.add(new Scheduled(register.seriesId(), register.issuerId(), step)));
        }
        model.addAttribute("on", on);
        model.addAttribute("windows", queries.windows(when).items());
        model.addAttribute("awaiting", queries.awaitingHeir(when).items());
        model.addAttribute("lapses", lapses);
        model.addAttribute("scheduled", scheduled);
        model.addAttribute("registrations", registrations.unfiled(on));
        // as known at an instant, the facts recorded up to it
        model.addAttribute("recent", queries.audit(new FindAuditTrail(null, null, null, null, null, when.knownAt(),
                true, 0, 12)).items());
        return "app/today";
    }

    @GetMapping("/app/series")
    public String seriesList(@RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt, Model model) {
        When when = When.of(asOf, knownAt);
        model.addAttribute("registers", queries.registers(when));
        return "app/series-list";
    }

    public record ExerciseLine(String holderId, ExerciseRecord exercise) {
    }

    @GetMapping("/app/series/{seriesId}")
    public String series(@PathVariable String seriesId, @RequestParam(required = false) String asOf,
                         @RequestParam(required = false) String knownAt, Model model) {
        When when = When.of(asOf, knownAt);
        Views.RegisterView register = queries.register(seriesId, when.asOf(), when.knownAt());
        List<ExerciseLine> exercises = new ArrayList<>();
        register.holders().forEach(h -> h.exercises().forEach(e -> exercises.add(new ExerciseLine(h.holderId(), e))));
        exercises.sort(Comparator.comparing((ExerciseLine line) -> line.exercise().exerciseDate()));
        model.addAttribute("register", register);
        model.addAttribute("exercises", exercises);
        model.addAttribute("valuation", valuationInputs(seriesId));
        return "app/series";
    }

    /** The inputs of the allotment amount as recorded on its event, for those who may read payloads. */
    private Map<String, Object> valuationInputs(String seriesId) {
        AuditPage trail = queries.audit(seriesId, null, true, 500);
        for (AuditEntry entry : trail.items()) {
            if (entry.payload() != null && (entry.eventType().equals("AllotmentAmountDetermined")
                    || entry.eventType().equals("AllotmentAmountCorrected"))) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> payload = json.readValue(entry.payload(), Map.class);
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    payload.forEach((key, value) -> {
                        if (!(value instanceof List<?>) && !key.equals("seriesId")) {
                            inputs.put(key, value instanceof Map<?, ?> map ? map.toString() : value);
                        }
                    });
                    return inputs;
                } catch (JsonProcessingException e) {
                    return Map.of();
                }
            }
        }
        return Map.of();
    }

    @GetMapping("/app/holders")
    public String findHolder(@RequestParam(required = false) String personId, Model model) {
        if (personId != null && !personId.isBlank()) {
            return "redirect:/app/holders/" + org.springframework.web.util.UriUtils.encodePathSegment(personId.strip(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> people = new TreeSet<>();
        queries.registers(When.NOW).forEach(r -> r.holders().forEach(h -> {
            people.add(h.holderId());
            if (h.heirId() != null) {
                people.add(h.heirId());
            }
        }));
        model.addAttribute("people", people);
        return "app/holders";
    }

    @GetMapping("/app/holders/{personId}")
    public String holder(@PathVariable String personId, @RequestParam(required = false) String asOf,
                         @RequestParam(required = false) String knownAt, Model model) {
        When when = When.of(asOf, knownAt);
        HolderView holder = queries.holder(personId, when);
        model.addAttribute("holder", holder);
        if (AccessPolicy.readsPayloads(SignedIn.roles())) {
            // the directory is the present one whatever date is picked: it keeps no history of its own to replay
            model.addAttribute("directoryEntry", directory.find(holder.personId()).orElse(null));
            model.addAttribute("directoryHistory", directory.history(holder.personId()));
            model.addAttribute("retention", retention.retention().toString());
        }
        return "app/holder";
    }

    // ---- charts: each with its figures as a table too

    public record SeriesPoint(LocalDate date, long allotted, long outstanding, long exercised, long lapsed,
                              long acquired, long sharesPerRight) {
    }

    @GetMapping("/app/series/{seriesId}/chart")
    public String seriesChart(@PathVariable String seriesId, @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String knownAt, Model model) {
        When when = When.of(asOf, knownAt);
        Views.RegisterView now = queries.register(seriesId, when.asOf(), when.knownAt());
        TreeSet<LocalDate> dates = new TreeSet<>();
        queries.audit(seriesId, null, false, 500).items().stream().map(AuditEntry::effectiveDate)
                .filter(d -> d != null && !d.isAfter(now.on())).forEach(dates::add);
        now.sharesPerRightHistory().stream().map(Views.Step::appliesFrom).filter(d -> !d.isAfter(now.on()))
                .forEach(dates::add);
        dates.add(now.on());
        List<LocalDate> picked = new ArrayList<>(dates);
        if (picked.size() > MAX_CHART_DATES) {
            picked = picked.subList(picked.size() - MAX_CHART_DATES, picked.size());
        }
        List<SeriesPoint> points = picked.stream().map(date -> {
            Views.RegisterView r = queries.register(seriesId, date, when.knownAt());
            return new SeriesPoint(date, r.allotted(), r.outstanding(), r.exercised(), r.lapsed(), r.acquired(),
                    r.sharesPerRightInForce());
        }).toList();
        model.addAttribute("register", now);
        model.addAttribute("points", points);
        model.addAttribute("chartJson", chartJson(Map.of("kind", "series", "points", points)));
        return "app/series-chart";
    }

    public record CapitalMonth(YearMonth month, long capitalStock, long capitalReserve, long cumulativeStock,
                               long cumulativeReserve) {
    }

    @GetMapping("/app/issuers/{issuerId}/chart")
    public String issuerChart(@PathVariable String issuerId, @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String knownAt, Model model) {
        When when = When.of(asOf, knownAt);
        TreeMap<YearMonth, long[]> byMonth = new TreeMap<>();
        List<String> series = new ArrayList<>();
        for (Views.RegisterView r : queries.registers(when)) {
            if (!issuerId.equals(r.issuerId())) {
                continue;
            }
            series.add(r.seriesId());
            r.holders().forEach(h -> h.exercises().forEach(e -> {
                long[] sums = byMonth.computeIfAbsent(YearMonth.from(e.exerciseDate()), m -> new long[2]);
                sums[0] += e.capitalStockIncrease();
                sums[1] += e.capitalReserveIncrease();
            }));
        }
        List<CapitalMonth> months = new ArrayList<>();
        if (!byMonth.isEmpty()) {
            long stock = 0;
            long reserve = 0;
            YearMonth last = byMonth.lastKey();
            YearMonth first = byMonth.firstKey();
            if (first.plusMonths(MAX_CHART_DATES).isBefore(last)) {
                first = last.minusMonths(MAX_CHART_DATES);
            }
            for (Map.Entry<YearMonth, long[]> before : byMonth.headMap(first).entrySet()) {
                stock += before.getValue()[0];
                reserve += before.getValue()[1];
            }
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                long[] sums = byMonth.getOrDefault(m, new long[2]);
                stock += sums[0];
                reserve += sums[1];
                months.add(new CapitalMonth(m, sums[0], sums[1], stock, reserve));
            }
        }
        model.addAttribute("issuerId", issuerId);
        model.addAttribute("seriesIds", series);
        model.addAttribute("months", months);
        model.addAttribute("chartJson", chartJson(Map.of("kind", "capital", "months", months.stream()
                .map(m -> Map.of("month", m.month().toString(), "capitalStock", m.capitalStock(),
                        "capitalReserve", m.capitalReserve())).toList())));
        return "app/issuer-chart";
    }

    public record Band(String seriesId, String label, String kind, LocalDate from, LocalDate to) {
    }

    @GetMapping("/app/holders/{personId}/chart")
    public String holderChart(@PathVariable String personId, @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String knownAt, Model model) {
        When when = When.of(asOf, knownAt);
        HolderView holder = queries.holder(personId, when);
        List<Band> bands = new ArrayList<>();
        List<Map<String, Object>> marks = new ArrayList<>();
        for (Views.HoldingView h : holder.holdings()) {
            if (h.windowFirstDay() != null && h.windowLastDay() != null) {
                bands.add(new Band(h.seriesId(), h.seriesId(), h.heirId() != null ? "heir" : "window",
                        h.windowFirstDay(), h.windowLastDay()));
            }
            h.exercises().forEach(e -> marks.add(Map.of("seriesId", h.seriesId(), "date", e.exerciseDate().toString(),
                    "rights", e.rights())));
        }
        model.addAttribute("holder", holder);
        model.addAttribute("bands", bands);
        model.addAttribute("chartJson", chartJson(Map.of("kind", "timeline", "bands", bands, "exercises", marks)));
        return "app/holder-chart";
    }

    private String chartJson(Object data) {
        try {
            // Inside <script type="application/json">: no "<" may close the element early.
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- CSV downloads for the browser session (the API's own exports need its credentials)

    @GetMapping("/app/series/{seriesId}/register.csv")
    public ResponseEntity<String> registerCsv(@PathVariable String seriesId, @RequestParam(required = false) String asOf,
                                              @RequestParam(required = false) String knownAt) {
        When when = When.of(asOf, knownAt);
        Object csv = api.register(seriesId, when.asOf(), when.knownAt(), "csv").getBody();
        return download(String.valueOf(csv), "register-" + seriesId + "-" + (when.asOf() == null ? today() : when.asOf())
                + ".csv");
    }

    /**
     * The issuer's Open Cap Format package as of the page's date. A view as known at an instant has no OCF
     * form (OCF has only an as-of date): the package is as of that instant's business date, by what is known now.
     */
    @GetMapping("/app/issuers/{issuerId}/ocf")
    public ResponseEntity<byte[]> ocfPackage(@PathVariable String issuerId, @RequestParam(required = false) String asOf,
                                             @RequestParam(required = false) String knownAt) {
        When when = When.of(asOf, knownAt);
        LocalDate on = when.asOf() != null ? when.asOf()
                : when.knownAt() != null ? LocalDate.ofInstant(when.knownAt(), clock.getZone()) : null;
        return ocf.ocf(issuerId, on);
    }

    @GetMapping("/app/windows.csv")
    public ResponseEntity<String> windowsCsv(@RequestParam(required = false) String asOf) {
        LocalDate on = When.date(asOf, "asOf");
        Object csv = api.windows(on, null, 0, 500, "csv").getBody();
        return download(String.valueOf(csv), "windows-" + (on == null ? today() : on) + ".csv");
    }

    static ResponseEntity<String> download(String csv, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .body(csv);
    }

    static <T> List<T> distinct(List<T> items) {
        return items.stream().distinct().collect(Collectors.toList());
    }
}
