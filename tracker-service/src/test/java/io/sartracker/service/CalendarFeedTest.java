package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.notice.RegistrationDeadlines;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar feed of issue 12 on the reference history (RULES.md 12) with a departure and an inheritance of
 * today: fetched without a session like a calendar application, parsed by ical4j. One all-day event on each open
 * window's last day (the register's windows, UID by series, holder and first day), the heir's window, a
 * registration due from the test's own registrations (a past one left out), Japanese summaries folded and
 * escaped, a reminder; no name or address though the directory holds them. A new address stops the old one, a
 * deleted feed and an unknown address answer 404, another user's feed has another address, a disabled owner's feed
 * stops; then the page in a browser's session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class CalendarFeedTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Registrations of change not filed, one of them past its deadline (the feed leaves it out). */
    @TestConfiguration
    static class Registrations {
        @Bean
        @Primary
        RegistrationDeadlines registrationDeadlines() {
            List<RegistrationDeadlines.RegistrationDeadline> due = List.of(
                    new RegistrationDeadlines.RegistrationDeadline("IIJ", "directors-1", "役員変更登記, 取締役; Change of"
                            + " directors", TODAY.plusDays(14)),
                    new RegistrationDeadlines.RegistrationDeadline("IIJ", "sar-old", "新株予約権の変更登記 past",
                            TODAY.minusDays(1)));
            return day -> due;
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("calendar-feed")::toString);
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Environment environment;
    TestRestTemplate alice;
    TestRestTemplate rita;
    private final HttpClient calendarApp = HttpClient.newHttpClient();

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        alice = TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
        rita = TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
    }

    @Test
    void theFeedParsedByIcal4jHoldsOneEventPerWindowsLastDayAndNoName() throws Exception {
        assertThat(send(alice, HttpMethod.POST, "/issuers/IIJ/departures", "{\"holderId\": \"D02\", \"departureDate\": \""
                + TODAY + "\", \"reason\": \"RESIGNATION\"}").getStatusCode().value()).isEqualTo(201);
        assertThat(send(alice, HttpMethod.POST, "/issuers/IIJ/deaths", "{\"personId\": \"E01\", \"dateOfDeath\": \""
                + TODAY.minusDays(1) + "\"}").getStatusCode().value()).isEqualTo(201);
        assertThat(send(alice, HttpMethod.POST, "/series/IIJ-SAR-5/inheritances", "{\"holderId\": \"E01\","
                + " \"heirId\": \"HEIR-E01\", \"inheritanceDate\": \"" + TODAY + "\"}").getStatusCode().value())
                .isEqualTo(201);
        assertThat(send(alice, HttpMethod.PUT, "/holders/D02/directory", "{\"nameKanji\": \"佐藤二郎\", \"nameKana\":"
                + " \"サトウジロウ\", \"address\": \"東京都千代田区富士見二丁目10番2号\"}").getStatusCode().value()).isEqualTo(200);
        JsonNode windows = awaitWindows(w -> w.size() >= 2);

        assertThat(send(alice, HttpMethod.GET, "/me/calendar-feed", null).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> made = send(alice, HttpMethod.POST, "/me/calendar-feed", null);
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(made.getHeaders().getCacheControl()).isEqualTo("no-store");
        JsonNode feed = JSON.readTree(made.getBody());
        String url = feed.path("url").asText();
        assertThat(url).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(feed.at("/includes/reminderDays").asInt()).isEqualTo(3);

        HttpResponse<String> fetched = fetch(url);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=utf-8");
        String text = fetched.body();
        assertThat(text.split("\r\n")).as("every line folded to 75 octets")
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(text).as("a long Japanese line is folded").contains("\r\n ");
        assertThat(text).doesNotContain("佐藤二郎").doesNotContain("サトウジロウ").doesNotContain("富士見");

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.validate().getEntries()).as("valid by RFC 5545, as ical4j checks it").isEmpty();
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("新株予約権の行使期間 SAR exercise windows");
        assertThat(value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT1H");
        List<VEvent> events = calendar.getComponents("VEVENT");
        Set<String> expectedUids = StreamSupport.stream(windows.spliterator(), false)
                .map(w -> "last-day/" + w.path("seriesId").asText() + "/" + w.path("currentHolderId").asText() + "/"
                        + w.path("firstDay").asText() + "@sar-tracker").collect(Collectors.toCollection(TreeSet::new));
        expectedUids.add("registration/IIJ/directors-1@sar-tracker");
        Set<String> uids = events.stream().map(e -> value(e, "UID")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(uids).as("one event per open window's last day and the registration still due").isEqualTo(expectedUids);

        VEvent d02 = event(events, "last-day/IIJ-SAR-5/D02/" + TODAY.plusDays(1) + "@sar-tracker");
        assertThat(value(d02, "SUMMARY")).isEqualTo("行使期間の最終日 Last day to exercise: IIJ-SAR-5 D02 (25 rights)");
        assertThat(d02.getProperty("DTSTART").orElseThrow().toString()).isEqualTo("DTSTART;VALUE=DATE:"
                + TODAY.plusDays(10).toString().replace("-", "") + "\r\n");
        assertThat(value(d02, "DESCRIPTION")).startsWith("行使期間 Window: " + TODAY.plusDays(1) + " – "
                + TODAY.plusDays(10) + "\n保有個数 Rights held: 25\n交付株式数 Shares deliverable: 20,000\n")
                .endsWith("/app/holders/D02");
        List<VAlarm> alarms = d02.getAlarms();
        assertThat(alarms).hasSize(1);
        assertThat(value(alarms.get(0), "TRIGGER")).isEqualTo("-P3D");

        VEvent heir = events.stream().filter(e -> value(e, "UID").startsWith("last-day/IIJ-SAR-5/HEIR-E01/" + TODAY))
                .findFirst().orElseThrow();
        assertThat(value(heir, "SUMMARY")).matches("相続人の行使期間の最終日 Last day for the heir to exercise:"
                + " IIJ-SAR-5 HEIR-E01 \\(heir of E01, \\d+ rights\\)");
        assertThat(value(heir, "DTSTART")).isEqualTo(TODAY.plus(Period.ofMonths(6)).toString().replace("-", ""));
        VEvent registration = event(events, "registration/IIJ/directors-1@sar-tracker");
        assertThat(value(registration, "SUMMARY")).as("commas and semicolons escaped and read back")
                .isEqualTo("変更登記の期限 Registration due: IIJ 役員変更登記, 取締役; Change of directors");
        assertThat(text.replace("\r\n ", "")).as("escaped in the file").contains("役員変更登記\\, 取締役\\; Change");
        assertThat(value(registration, "URL")).as("the registration's page")
                .endsWith("/app/issuers/IIJ/registrations?key=directors-1");

        // the choices: first days too, no heirs, no registrations, no reminder
        ResponseEntity<String> chosen = send(alice, HttpMethod.PUT, "/me/calendar-feed", "{\"windowFirstDays\": true,"
                + " \"heirWindows\": false, \"registrationDeadlines\": false, \"reminderDays\": 0}");
        assertThat(chosen.getStatusCode().value()).isEqualTo(200);
        assertThat(chosen.getBody()).doesNotContain(url.substring(url.lastIndexOf('/') + 1, url.length() - 4));
        List<VEvent> chosenEvents = new CalendarBuilder().build(new StringReader(fetch(url).body())).getComponents("VEVENT");
        assertThat(chosenEvents).extracting(e -> value(e, "UID"))
                .contains("first-day/IIJ-SAR-5/D02/" + TODAY.plusDays(1) + "@sar-tracker")
                .noneMatch(uid -> uid.contains("HEIR-E01") || uid.startsWith("registration/"));
        assertThat(event(chosenEvents, "first-day/IIJ-SAR-5/D02/" + TODAY.plusDays(1) + "@sar-tracker")
                .getAlarms()).isEmpty();
        assertThat(JSON.readTree(send(alice, HttpMethod.PUT, "/me/calendar-feed", "{\"reminderDays\": 99}").getBody())
                .path("code").asText()).isEqualTo("INVALID_INPUT");

        // a new address stops the old one; another user's feed has its own
        String renewed = JSON.readTree(send(alice, HttpMethod.POST, "/me/calendar-feed", "{}").getBody())
                .path("url").asText();
        assertThat(renewed).isNotEqualTo(url);
        HttpResponse<String> old = fetch(url);
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(old.body()).path("code").asText()).isEqualTo("NO_CALENDAR_FEED");
        assertThat(fetch(renewed).statusCode()).isEqualTo(200);
        String ritas = JSON.readTree(send(rita, HttpMethod.POST, "/me/calendar-feed", null).getBody()).path("url").asText();
        assertThat(ritas).isNotEqualTo(renewed);
        assertThat(fetch(ritas).body()).contains("D02");

        // unknown addresses say nothing more, even asked for a calendar
        String root = anonymous.getRootUri();
        for (String unknown : List.of("/calendar/" + "A".repeat(43) + ".ics", "/calendar/short.ics")) {
            HttpResponse<String> answer = calendarApp.send(HttpRequest.newBuilder(URI.create(root + unknown))
                    .header("Accept", "text/calendar").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(unknown).isEqualTo(404);
            assertThat(answer.body()).contains("NO_CALENDAR_FEED").doesNotContain("alice").doesNotContain("rita");
        }

        // the owner disabled: the address stops with them
        TrackerTestSupport.asUser(anonymous, environment, "dora", "COMPLIANCE");
        TestRestTemplate dora = anonymous.withBasicAuth("dora", "dora-password");
        String doras = JSON.readTree(send(dora, HttpMethod.POST, "/me/calendar-feed", null).getBody()).path("url").asText();
        assertThat(fetch(doras).statusCode()).isEqualTo(200);
        assertThat(send(TrackerTestSupport.asAdmin(anonymous, environment), HttpMethod.PUT, "/users/dora/enabled",
                "{\"enabled\": false}").getStatusCode().value()).isEqualTo(200);
        assertThat(fetch(doras).statusCode()).isEqualTo(404);

        // deleted: the address no longer answers, and there is nothing to delete or choose
        JsonNode kept = JSON.readTree(send(alice, HttpMethod.GET, "/me/calendar-feed", null).getBody());
        assertThat(kept.at("/includes/windowFirstDays").asBoolean()).isTrue();
        assertThat(kept.has("url")).isFalse();
        assertThat(send(alice, HttpMethod.DELETE, "/me/calendar-feed", null).getStatusCode().value()).isEqualTo(204);
        assertThat(fetch(renewed).statusCode()).isEqualTo(404);
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE)) {
            ResponseEntity<String> none = send(alice, method, "/me/calendar-feed", method == HttpMethod.PUT ? "{}" : null);
            assertThat(none.getStatusCode().value()).as(method.name()).isEqualTo(404);
            assertThat(JSON.readTree(none.getBody()).path("code").asText()).isEqualTo("NO_CALENDAR_FEED");
        }
    }

    @Test
    void thePageMakesChoosesRenewsAndDeletesTheFeed() throws Exception {
        TrackerTestSupport.asUser(anonymous, environment, "carol", "COMPLIANCE");
        PageSession carol = PageSession.signIn(anonymous.getRootUri(), "carol", "carol-password");
        String empty = carol.get("/app/calendar?lang=ja").body();
        assertThat(empty).contains("カレンダー配信").contains("id=\"calendar-none\"").contains("id=\"nav-calendar\"");

        HttpResponse<String> made = carol.submit("/app/calendar", Map.of("leavingOfficeWindows", "true",
                "heirWindows", "true", "reminderDays", "5"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        String url = between(made.body(), "id=\"calendar-url\" readonly size=\"80\" value=\"", "\"");
        assertThat(url).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(made.body()).contains("Google カレンダー").contains("Outlook");
        assertThat(fetch(url).statusCode()).isEqualTo(200);
        assertThat(carol.get("/app/calendar?lang=en").body()).as("the address is shown once")
                .doesNotContain(url).contains("Address made");

        HttpResponse<String> refused = carol.submit("/app/calendar/choices", Map.of("reminderDays", "many"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"calendar-error\"").contains("INVALID_INPUT");
        assertThat(carol.submit("/app/calendar/choices", Map.of("leavingOfficeWindows", "true", "reminderDays", "1"))
                .statusCode()).isEqualTo(302);
        assertThat(carol.get("/app/calendar?lang=en").body()).contains("The choices are saved")
                .contains("value=\"1\"");

        String renewed = between(carol.submit("/app/calendar", Map.of("leavingOfficeWindows", "true",
                "reminderDays", "1")).body(), "id=\"calendar-url\" readonly size=\"80\" value=\"", "\"");
        assertThat(renewed).isNotEqualTo(url);
        assertThat(fetch(url).statusCode()).isEqualTo(404);
        assertThat(carol.submit("/app/calendar/deletion", Map.of()).statusCode()).isEqualTo(302);
        assertThat(fetch(renewed).statusCode()).isEqualTo(404);
        HttpResponse<String> again = carol.submit("/app/calendar/deletion", Map.of());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("NO_CALENDAR_FEED").contains("id=\"calendar-none\"");
    }

    private JsonNode awaitWindows(java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("open windows").atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = JSON.readTree(alice.getForEntity("/windows", String.class).getBody()).path("items");
            return done.test(last[0]);
        });
        return last[0];
    }

    private HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return calendarApp.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, method, body == null ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers),
                String.class);
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static VEvent event(List<VEvent> events, String uid) {
        return events.stream().filter(e -> uid.equals(value(e, "UID"))).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid));
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        assertThat(start).as("found " + before).isNotNegative();
        start += before.length();
        return text.substring(start, text.indexOf(after, start));
    }
}
