package io.sartracker.service.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.query.FindAuditTrail;
import io.sartracker.query.api.TrackerQueryHandlers.AuditPage;
import io.sartracker.query.register.Views;
import io.sartracker.query.store.AuditStore.AuditEntry;
import io.sartracker.service.security.AccessPolicy;
import io.sartracker.service.security.SignedIn;
import io.sartracker.service.web.Csv;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compliance page: the timeline of a series or a person from the audit trail (who recorded what,
 * how they signed in, with which command), corrections marked; and the difference, holding by holding,
 * between two business dates or two known-at instants, each side folded by the register's own as-of /
 * known-at queries. Reporting reads it without the payloads, as {@code GET /audit} answers.
 */
@Controller
public class ComplianceController {
    /** The timeline shown at most; the CSV holds all of it. */
    static final int TIMELINE_SIZE = 500;
    private static final int CSV_PAGE = 500;
    /** Facts that correct an earlier one: the earlier stays in the history. */
    static final Set<String> CORRECTIONS = Set.of("FactReversed", "PersonFactReversed", "AllotmentAmountCorrected");
    private static final Map<String, String> REVERSED_EVENT = Map.of(
            "EXERCISE", "RightsExercised", "DEPARTURE", "HolderLeftOffice", "DEATH", "HolderDied",
            "INHERITANCE", "RightsInherited");
    private static final Map<String, String> REVERSED_PERSON_EVENT = Map.of(
            "DEPARTURE", "PersonLeftOffice", "DEATH", "PersonDied");

    private final PageQueries queries;
    private final ObjectMapper json;

    public ComplianceController(PageQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** A line of the timeline: the entry, whether it corrects an earlier one, whether a later one corrected it. */
    public record Line(AuditEntry entry, boolean correction, boolean correctedLater) {
    }

    /** A holding on both sides of the comparison (either side null when it did not exist there). */
    public record Difference(String seriesId, String holderId, Views.HoldingView before, Views.HoldingView after) {
        public boolean stateChanged() {
            return before == null || after == null || before.state() != after.state();
        }

        public boolean rightsChanged() {
            return before == null || after == null || before.rightsHeld() != after.rightsHeld();
        }

        public boolean sharesChanged() {
            return before == null || after == null || before.sharesDeliverable() != after.sharesDeliverable();
        }

        public boolean windowChanged() {
            return before == null || after == null || !Objects.equals(before.windowFirstDay(), after.windowFirstDay())
                    || !Objects.equals(before.windowLastDay(), after.windowLastDay());
        }

        boolean changed() {
            return stateChanged() || rightsChanged() || sharesChanged() || windowChanged();
        }
    }

    @GetMapping("/app/compliance")
    public String compliance(@RequestParam(required = false) String series, @RequestParam(required = false) String person,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String fromKnownAt,
                             @RequestParam(required = false) String toKnownAt, Model model) {
        String seriesId = blankToNull(series);
        String personId = seriesId == null ? blankToNull(person) : null;
        List<Views.RegisterView> today = queries.registers(When.NOW);
        Set<String> people = new TreeSet<>();
        today.forEach(r -> r.holders().forEach(h -> {
            people.add(h.holderId());
            if (h.heirId() != null) {
                people.add(h.heirId());
            }
        }));
        model.addAttribute("noWhen", true);
        model.addAttribute("seriesChoices", today.stream().map(Views.RegisterView::seriesId).toList());
        model.addAttribute("people", people);
        model.addAttribute("series", seriesId);
        model.addAttribute("person", personId);
        model.addAttribute("payloads", AccessPolicy.readsPayloads(SignedIn.roles()));
        model.addAttribute("from", blankToNull(from));
        model.addAttribute("to", blankToNull(to));
        model.addAttribute("fromKnownAt", blankToNull(fromKnownAt));
        model.addAttribute("toKnownAt", blankToNull(toKnownAt));
        if (seriesId == null && personId == null) {
            return "app/compliance";
        }
        AuditPage trail = queries.audit(new FindAuditTrail(seriesId, personId, null, null, null, null, false, 0,
                TIMELINE_SIZE));
        model.addAttribute("timeline", lines(trail.items()));
        model.addAttribute("total", trail.total());
        model.addAttribute("subjectQuery", seriesId != null ? "series=" + encode(seriesId)
                : "person=" + encode(personId));
        if (blankToNull(from) != null || blankToNull(to) != null || blankToNull(fromKnownAt) != null
                || blankToNull(toKnownAt) != null) {
            When before = When.of(from, fromKnownAt);
            When after = When.of(to, toKnownAt);
            model.addAttribute("before", before);
            model.addAttribute("after", after);
            model.addAttribute("differences", seriesId != null
                    ? differences(queries.register(seriesId, before.asOf(), before.knownAt()).holders(),
                    queries.register(seriesId, after.asOf(), after.knownAt()).holders())
                    : differences(queries.holder(personId, before).holdings(), queries.holder(personId, after).holdings()));
        }
        return "app/compliance";
    }

    /** The audit trail of the series or person as CSV, every entry, payloads for those who may read them. */
    @GetMapping("/app/compliance/audit.csv")
    public ResponseEntity<String> auditCsv(@RequestParam(required = false) String series,
                                           @RequestParam(required = false) String person) {
        String seriesId = blankToNull(series);
        String personId = seriesId == null ? blankToNull(person) : null;
        List<AuditEntry> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            AuditPage trail = queries.audit(new FindAuditTrail(seriesId, personId, null, null, null, null, false, page,
                    CSV_PAGE));
            all.addAll(trail.items());
            if (trail.items().size() < CSV_PAGE || all.size() >= trail.total()) {
                break;
            }
        }
        List<List<Object>> rows = lines(all).stream().map(line -> {
            AuditEntry e = line.entry();
            List<Object> row = new ArrayList<>();
            row.add(e.globalIndex());
            row.add(e.recordedAt());
            row.add(e.effectiveDate());
            row.add(e.eventType());
            row.add(e.seriesId());
            row.add(e.holderId());
            row.add(e.personId());
            row.add(e.recordedBy());
            row.add(e.signedInBy());
            row.add(e.requestId());
            row.add(e.command());
            row.add(e.correlationId());
            row.add(line.correction());
            row.add(line.correctedLater());
            row.add(e.payload());
            return row;
        }).toList();
        String csv = Csv.of(List.of("global_index", "recorded_at", "effective_date", "event_type", "series_id",
                "holder_id", "person_id", "recorded_by", "signed_in_by", "request_id", "command", "correlation_id",
                "correction", "corrected_later", "payload"), rows);
        String subject = seriesId != null ? seriesId : personId != null ? personId : "all";
        return PageController.download(csv, "audit-" + subject + ".csv");
    }

    /**
     * Marks the corrections, and the entries a later correction reversed or replaced: a reversal names
     * the fact and its date in its payload (so only readers of payloads see which entry it reversed); a
     * corrected allotment amount replaces the series' latest amount before it.
     */
    List<Line> lines(List<AuditEntry> entries) {
        Set<Long> correctedLater = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry correction = entries.get(i);
            if (correction.eventType().equals("AllotmentAmountCorrected")) {
                for (int j = i - 1; j >= 0; j--) {
                    AuditEntry earlier = entries.get(j);
                    if (Objects.equals(earlier.seriesId(), correction.seriesId())
                            && (earlier.eventType().equals("AllotmentAmountDetermined")
                            || earlier.eventType().equals("AllotmentAmountCorrected"))) {
                        correctedLater.add(earlier.globalIndex());
                        break;
                    }
                }
            }
            JsonNode payload = payload(correction);
            if (payload == null) {
                continue;
            }
            String reversedType = correction.eventType().equals("FactReversed")
                    ? REVERSED_EVENT.get(payload.path("fact").asText())
                    : correction.eventType().equals("PersonFactReversed")
                    ? REVERSED_PERSON_EVENT.get(payload.path("fact").asText()) : null;
            if (reversedType == null) {
                continue;
            }
            String who = text(payload, correction.eventType().equals("FactReversed") ? "holderId" : "personId");
            String factDate = text(payload, "factDate");
            for (int j = i - 1; j >= 0; j--) {
                AuditEntry earlier = entries.get(j);
                if (earlier.eventType().equals(reversedType) && Objects.equals(earlier.seriesId(), correction.seriesId())
                        && (who.equals(earlier.holderId()) || who.equals(earlier.personId()))
                        && earlier.effectiveDate() != null && earlier.effectiveDate().toString().equals(factDate)
                        && !correctedLater.contains(earlier.globalIndex())) {
                    correctedLater.add(earlier.globalIndex());
                    break;
                }
            }
        }
        return entries.stream().map(e -> new Line(e, CORRECTIONS.contains(e.eventType()),
                correctedLater.contains(e.globalIndex()))).toList();
    }

    private JsonNode payload(AuditEntry entry) {
        if (entry.payload() == null) {
            return null;
        }
        try {
            return json.readTree(entry.payload());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.path(field);
        return node.isValueNode() ? node.asText() : node.path("value").asText();
    }

    /** The holdings that differ, holding by holding, in the order of the later side. */
    static List<Difference> differences(List<Views.HoldingView> before, List<Views.HoldingView> after) {
        Map<String, Views.HoldingView[]> byHolding = new LinkedHashMap<>();
        after.forEach(h -> byHolding.computeIfAbsent(h.seriesId() + "\u0000" + h.holderId(),
                k -> new Views.HoldingView[2])[1] = h);
        before.forEach(h -> byHolding.computeIfAbsent(h.seriesId() + "\u0000" + h.holderId(),
                k -> new Views.HoldingView[2])[0] = h);
        List<Difference> differences = new ArrayList<>();
        byHolding.values().forEach(pair -> {
            Views.HoldingView any = pair[1] != null ? pair[1] : pair[0];
            Difference difference = new Difference(any.seriesId(), any.holderId(), pair[0], pair[1]);
            if (difference.changed()) {
                differences.add(difference);
            }
        });
        return differences;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
