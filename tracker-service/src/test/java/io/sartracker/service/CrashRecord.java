package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash tests read after a kill, through a node's own API: the stored allotments, then the
 * register and audit views once caught up, and the same views after a fresh rebuild. One reading for the
 * H2 test ({@link CrashTest}) and the two-node PostgreSQL one ({@link PostgresCrashTest}).
 */
final class CrashRecord {
    private final String test;
    private final Duration bound;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    CrashRecord(String test, Duration bound, Duration poll) {
        this.test = test;
        this.bound = bound;
        this.poll = poll;
    }

    /**
     * The store as the node answers it. {@code eventsPerSeries} files the person's two events per holder
     * (history opened, allotted) under no series id, as the audit trail does.
     */
    record Stored(Set<String> series, Map<String, Integer> allotmentsPerHolder, Map<String, Integer> eventsPerSeries,
                  long rightsAllotted, int events) {
    }

    /** Reads the store and checks every acknowledged allotment (holder → series) is in it exactly once. */
    Stored checkStored(ServiceProcess service, Set<String> issued, Map<String, String> acknowledged, String when)
            throws IOException, InterruptedException {
        Set<String> series = new TreeSet<>(issued);
        getJson(service, "/series").at("/series").forEach(s -> series.add(s.at("/seriesId").asText()));
        Map<String, Integer> allotmentsPerHolder = new HashMap<>();
        Map<String, Integer> eventsPerSeries = new TreeMap<>();
        long rightsAllotted = 0;
        for (String id : series) {
            JsonNode history = getJson(service, "/series/" + id + "/events");
            eventsPerSeries.put(id, history.size());
            for (JsonNode event : history) {
                if (event.at("/type").asText().equals("RightsAllotted")) {
                    allotmentsPerHolder.merge(event.at("/payload/holderId").asText(), 1, Integer::sum);
                    rightsAllotted += event.at("/payload/rights").asLong();
                }
            }
        }
        assertThat(allotmentsPerHolder.keySet()).as(when + ": every acknowledged allotment is stored")
                .containsAll(acknowledged.keySet());
        assertThat(allotmentsPerHolder).as(when + ": no allotment is recorded twice")
                .allSatisfy((holder, count) -> assertThat(count).as(holder).isEqualTo(1));
        eventsPerSeries.put("", 2 * allotmentsPerHolder.size());
        int events = eventsPerSeries.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%s %s: %d allotments acknowledged, %d stored (%d recorded but unanswered when killed),"
                        + " %d events (%d of them in %d series)%n", test, when, acknowledged.size(),
                allotmentsPerHolder.size(), allotmentsPerHolder.size() - acknowledged.size(), events,
                events - eventsPerSeries.get(""), eventsPerSeries.size() - 1);
        return new Stored(series, allotmentsPerHolder, eventsPerSeries, rightsAllotted, events);
    }

    /** The views take in every stored event once, and equal a fresh rebuild of them. */
    void checkViewsEqualARebuild(ServiceProcess service, Stored stored, String when)
            throws IOException, InterruptedException {
        Views live = awaitViews(service, stored, when);
        assertThat(live.auditPerSeries()).as(when + ": the audit trail has one row per stored event")
                .isEqualTo(stored.eventsPerSeries());
        assertThat(live.auditEventIds()).as(when + ": no event has two audit rows").hasSize(stored.events());

        long started = System.nanoTime();
        assertThat(post(service, "/projections/rebuild", "")).isEqualTo(202);
        Awaitility.await(when + ": the rebuild finished").atMost(bound).pollInterval(poll).until(() -> {
            boolean rebuilding = false;
            for (JsonNode projection : getJson(service, "/projections/rebuild")) {
                rebuilding |= projection.at("/rebuilding").asBoolean();
            }
            return !rebuilding;
        });
        System.out.printf("%s %s: rebuilt %d events in %.1f s%n", test, when, stored.events(),
                (System.nanoTime() - started) / 1e9);
        Views rebuilt = awaitViews(service, stored, when + " (rebuilt)");
        assertThat(rebuilt.registers()).as(when + ": the registers equal a fresh rebuild").isEqualTo(live.registers());
        assertThat(rebuilt.audit()).as(when + ": the audit trail has as many rows after a rebuild")
                .hasSameSizeAs(live.audit());
        for (int row = 0; row < live.audit().size(); row++) {
            assertThat(rebuilt.audit().get(row)).as(when + ": audit row " + row + " after a fresh rebuild")
                    .isEqualTo(live.audit().get(row));
        }
    }

    private record Views(Map<String, JsonNode> registers, List<JsonNode> audit, Map<String, Integer> auditPerSeries,
                         Set<String> auditEventIds) {
    }

    /**
     * The registers and the audit trail, once they have taken in every stored event (bounded). When they have
     * not, the failure says how far each got and what the projections report of themselves.
     */
    private Views awaitViews(ServiceProcess service, Stored stored, String when) {
        AtomicReference<Views> views = new AtomicReference<>();
        AtomicReference<String> lastSeen = new AtomicReference<>("nothing read");
        try {
            Awaitility.await(when + ": the views took in all " + stored.events() + " events").atMost(bound)
                    .pollInterval(poll).until(() -> {
                        List<JsonNode> audit = new ArrayList<>();
                        for (int page = 0; ; page++) {
                            JsonNode answer = getJson(service, "/audit?order=asc&size=500&page=" + page);
                            answer.at("/items").forEach(audit::add);
                            if (answer.at("/items").size() < 500) {
                                break;
                            }
                        }
                        Map<String, JsonNode> registers = new TreeMap<>();
                        Map<String, Long> allotted = new TreeMap<>();
                        long folded = 0;
                        for (String id : stored.series()) {
                            JsonNode register = getJson(service, "/series/" + id + "/register");
                            registers.put(id, register);
                            allotted.put(id, register.at("/allotted").asLong());
                            folded += register.at("/allotted").asLong();
                        }
                        lastSeen.set("audit trail " + audit.size() + " of " + stored.events() + " events, registers "
                                + folded + " of " + stored.rightsAllotted() + " rights allotted " + allotted);
                        if (audit.size() < stored.events() || folded < stored.rightsAllotted()) {
                            return false;
                        }
                        Map<String, Integer> perSeries = new TreeMap<>();
                        Set<String> ids = new HashSet<>();
                        audit.forEach(row -> {
                            perSeries.merge(row.at("/seriesId").asText(), 1, Integer::sum);
                            ids.add(row.at("/eventId").asText());
                        });
                        views.set(new Views(registers, audit, perSeries, ids));
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(when + ": the views did not take in every stored event within " + bound + ": "
                    + lastSeen.get() + "; the projections: " + describeProjections(service), e);
        }
        return views.get();
    }

    private String describeProjections(ServiceProcess service) {
        try {
            return getJson(service, "/projections/rebuild") + ", health " + getJson(service, "/actuator/health");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unread (interrupted)";
        } catch (IOException | AssertionError e) {
            return "unreadable (" + e + ")";
        }
    }

    /** Posts a JSON body (or none) as the node's administrator; the answer's status. */
    int post(ServiceProcess service, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", service.authorization());
        if (body.isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode getJson(ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", service.authorization()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
