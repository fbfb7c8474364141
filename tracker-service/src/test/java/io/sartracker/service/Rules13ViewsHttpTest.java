package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.InheritRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordDueLapses;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseLatestFact;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;
import io.sartracker.service.LapseSweepServiceTest.SettableClock;
import io.sartracker.service.lapse.LapseSweep;
import io.sartracker.service.web.CommandSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md 13 on the views, over HTTP: every view without a date is as of today by the injected clock,
 * a list on another date is folded as of that date, holdings awaiting an heir are listed, lapse dates
 * are those of the lapse, an inherited holding is found by the heir's identifier too, and a death recorded
 * after the lapse answers what it did. Each test has its own series and issuer; the clock is 2026-11-27
 * unless a test moves it to record a later fact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Rules13ViewsHttpTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Duration BOUND = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("rules13-views")::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(TODAY);
        }
    }

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandSender sender;
    @Autowired
    SettableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LapseSweep sweep;

    @BeforeEach
    void today() {
        clock.set(TODAY);
    }

    // ---- fault 4: facts dated after today are not counted today

    @Test
    void fault4_aDepartureAndAnExerciseDatedNextYearAreNotCountedToday() throws Exception {
        SeriesId series = issue("F4", "F4-CO", Terms.fifthSeries());
        allot(series, "A01", 30);
        allot(series, "A02", 25);
        // recorded on a day after their dates (the command side rejects facts dated after its today)
        clock.set(LocalDate.of(2027, 4, 6));
        send(new RecordDepartureFromOffice(IssuerId.of("F4-CO"), HolderId.of("A01"), LocalDate.of(2027, 3, 31),
                DepartureReason.RETIREMENT));
        send(new ExerciseRights(series, HolderId.of("A01"), LocalDate.of(2027, 4, 5), BigDecimal.TEN, null));
        clock.set(TODAY);
        // a split resolved in advance: 2-for-1 with record date 2027-06-30, applying from 2027-07-01
        send(new RecordShareSplit(IssuerId.of("F4-CO"), Ratio.of(2, 1), LocalDate.of(2027, 6, 30), null));
        awaitStoredRegister(series);

        JsonNode d01 = get("/holders/A01").at("/holdings").get(0);
        assertThat(d01.get("seriesId").asText()).isEqualTo("F4");
        assertThat(d01.get("state").asText()).as("the window opens next year").isEqualTo("IN_OFFICE");
        assertThat(d01.get("rightsExercised").asLong()).isZero();
        assertThat(d01.get("rightsHeld").asLong()).isEqualTo(30);
        assertThat(d01.get("sharesPerRight").asLong()).isEqualTo(200);

        JsonNode register = get("/series/F4/register");
        assertThat(register.get("on").asText()).isEqualTo(TODAY.toString());
        assertThat(register.get("exercised").asLong()).as("the exercise of 2027-04-05 is not counted").isZero();
        assertThat(register.get("outstanding").asLong()).isEqualTo(55);
        assertThat(register.get("sharesDelivered").asLong()).isZero();
        assertThat(register.get("sharesPerRightInForce").asLong()).as("today's figure").isEqualTo(200);
        JsonNode history = register.get("sharesPerRightHistory");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("scheduled").asBoolean()).isFalse();
        assertThat(history.get(1).get("appliesFrom").asText()).isEqualTo("2027-07-01");
        assertThat(history.get(1).get("sharesPerRight").asLong()).isEqualTo(400);
        assertThat(history.get(1).get("scheduled").asBoolean()).as("the split is scheduled until its date").isTrue();

        JsonNode summary = get("/series?issuerId=F4-CO").at("/series/0");
        assertThat(summary.get("exercised").asLong()).isZero();
        assertThat(summary.get("outstanding").asLong()).isEqualTo(55);
        assertThat(summary.get("sharesPerRightInForce").asLong()).as("the split is not in force yet").isEqualTo(200);
        // the stored totals are those of the day the series settles, after the split: not today's
        assertThat(jdbc.queryForMap("select exercised, outstanding, shares_per_right, settled_from from series_view"
                + " where series_id = 'F4'")).containsEntry("EXERCISED", 10L).containsEntry("OUTSTANDING", 45L)
                .containsEntry("SHARES_PER_RIGHT", 400L)
                .containsEntry("SETTLED_FROM", java.sql.Date.valueOf("2027-07-01"));

        assertThat(windowsOf(get("/windows"), "F4")).as("no window is open today").isEmpty();
        List<JsonNode> april = windowsOf(get("/windows?on=2027-04-01"), "F4");
        assertThat(april).hasSize(1);
        assertThat(april.get(0).get("holderId").asText()).isEqualTo("A01");
        assertThat(april.get(0).get("firstDay").asText()).isEqualTo("2027-04-01");
        assertThat(april.get(0).get("lastDay").asText()).isEqualTo("2027-04-10");
        assertThat(april.get(0).get("rightsHeld").asLong()).isEqualTo(30);

        JsonNode later = get("/holders/A01?asOf=2027-04-06").at("/holdings/0");
        assertThat(later.get("state").asText()).isEqualTo("WINDOW_OPEN");
        assertThat(later.get("rightsExercised").asLong()).isEqualTo(10);
        assertThat(get("/series/F4/register?asOf=2027-07-01").get("sharesPerRightInForce").asLong()).isEqualTo(400);

        clock.set(LocalDate.of(2027, 7, 1));
        JsonNode settled = get("/series?issuerId=F4-CO").at("/series/0");
        assertThat(settled.get("exercised").asLong()).as("from the stored totals, now that they answer").isEqualTo(10);
        assertThat(settled.get("outstanding").asLong()).isEqualTo(45);
        assertThat(settled.get("sharesPerRightInForce").asLong()).isEqualTo(400);
        assertThat(settled.get("allotted").asLong()).isEqualTo(55);
    }

    // ---- fault 5: the windows list on another date, and holdings awaiting an heir

    @Test
    void fault5_theWindowsListOnAPastDateIsFoldedAsOfThatDate() throws Exception {
        SeriesId series = issue("F5", "F5-CO", Terms.fifthSeries());
        allot(series, "B01", 30);
        allot(series, "B02", 25);
        // D01's window 2025-07-01..07-10 was open on 2025-07-05; he exercised everything on 2025-07-08
        send(new RecordDepartureFromOffice(IssuerId.of("F5-CO"), HolderId.of("B01"), LocalDate.of(2025, 6, 30),
                DepartureReason.RETIREMENT));
        send(new ExerciseRights(series, HolderId.of("B01"), LocalDate.of(2025, 7, 8), BigDecimal.valueOf(30), null));
        // D02's window 2025-07-21..07-30 did not exist yet on 2025-07-05
        send(new RecordDepartureFromOffice(IssuerId.of("F5-CO"), HolderId.of("B02"), LocalDate.of(2025, 7, 20),
                DepartureReason.RESIGNATION));
        awaitStoredRegister(series);

        List<JsonNode> onJuly5 = windowsOf(get("/windows?on=2025-07-05"), "F5");
        assertThat(onJuly5).extracting(w -> w.get("holderId").asText()).containsExactly("B01");
        assertThat(onJuly5.get(0).get("rightsHeld").asLong()).isEqualTo(30);
        assertThat(onJuly5.get(0).get("daysLeft").asLong()).isEqualTo(5);
        String csv = http.getForEntity("/windows?on=2025-07-05&format=csv", String.class).getBody();
        assertThat(csv).contains("F5,B01,B01,WINDOW_OPEN,2025-07-01,2025-07-10,5,30,6000").doesNotContain("F5,B02");

        assertThat(windowsOf(get("/windows?on=2025-07-25"), "F5")).extracting(w -> w.get("holderId").asText())
                .containsExactly("B02");
        assertThat(windowsOf(get("/windows"), "F5")).isEmpty();
    }

    @Test
    void fault5_holdingsAwaitingAnHeirAreListedWithTheDateOfDeathAndDaysWaited() throws Exception {
        SeriesId series = issue("F5H", "F5H-CO", Terms.fifthSeries());
        allot(series, "C03", 22);
        allot(series, "C04", 21);
        send(new RecordDeath(IssuerId.of("F5H-CO"), HolderId.of("C04"), LocalDate.of(2025, 3, 1)));
        send(new RecordDeath(IssuerId.of("F5H-CO"), HolderId.of("C03"), LocalDate.of(2025, 6, 1)));
        send(new InheritRights(series, HolderId.of("C04"), List.of(HolderId.of("H04")), LocalDate.of(2026, 1, 10)));
        awaitStoredRegister(series);

        List<JsonNode> today = awaitingOf(get("/awaiting-heir"), "F5H");
        assertThat(today).hasSize(1);
        assertThat(today.get(0).get("holderId").asText()).isEqualTo("C03");
        assertThat(today.get(0).get("dateOfDeath").asText()).isEqualTo("2025-06-01");
        assertThat(today.get(0).get("daysWaiting").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2025, 6, 1), TODAY)).isEqualTo(544);
        assertThat(today.get(0).get("rightsHeld").asLong()).isEqualTo(22);
        assertThat(today.get(0).get("lapseDate").asText()).isEqualTo("2045-07-14");

        List<JsonNode> newYearsEve = awaitingOf(get("/awaiting-heir?on=2025-12-31"), "F5H");
        assertThat(newYearsEve).extracting(w -> w.get("holderId").asText()).as("longest waiting first")
                .containsExactly("C04", "C03");
        assertThat(newYearsEve.get(0).get("daysWaiting").asLong()).isEqualTo(305);
        assertThat(awaitingOf(get("/awaiting-heir?on=2025-02-28"), "F5H")).isEmpty();

        ResponseEntity<String> csv = http.getForEntity("/awaiting-heir?on=2025-12-31&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("series_id,holder_id,date_of_death,days_waiting,rights_held,"
                        + "shares_deliverable,lapse_date\r\n")
                .contains("F5H,C04,2025-03-01,305,21,4200,2045-07-14\r\nF5H,C03,2025-06-01,213,22,4400,2045-07-14");
        assertThat(http.getForEntity("/awaiting-heir?on=someday", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    // ---- fault 7: the lapse date shown is the lapse's own

    @Test
    void fault7_aLapseOnTheHeirsDeathShowsTheDateOfDeathAndOneAtThePeriodsEndShowsTheDayAfterIt() throws Exception {
        SeriesId heirs = issue("F7", "F7-CO", Terms.fifthSeries());
        allot(heirs, "G01", 30);
        send(new RecordDeath(IssuerId.of("F7-CO"), HolderId.of("G01"), LocalDate.of(2025, 1, 10)));
        send(new InheritRights(heirs, HolderId.of("G01"), List.of(HolderId.of("G91")), LocalDate.of(2025, 2, 1)));
        send(new RecordDeath(IssuerId.of("F7-CO"), HolderId.of("G91"), LocalDate.of(2025, 3, 1)));

        Terms fifth = Terms.fifthSeries();
        Terms shortPeriod = new Terms(fifth.name(), fifth.issuerName(), fifth.resolutionDate(), fifth.maximumRights(),
                fifth.sharesPerRightAtIssue(), fifth.exercisePricePerShare(),
                new ExerciseWindow(LocalDate.of(2015, 7, 14), LocalDate.of(2025, 12, 31)), fifth.allotmentDate(),
                fifth.paymentDate(), fifth.windowAfterLeavingOfficeDays(), fifth.heirWindowMonths(),
                fifth.transferAllowed(), fifth.eligibleRoles());
        SeriesId ended = issue("F7P", "F7P-CO", shortPeriod);
        allot(ended, "P01", 7);
        LapseSweep.SweepReport report = sweep.sweep();
        assertThat(report.lapsesRecorded()).containsEntry("F7P", 1);
        awaitStoredRegister(heirs);
        awaitStoredRegister(ended);

        JsonNode d01 = holderIn(get("/series/F7/register"), "G01");
        assertThat(d01.get("state").asText()).isEqualTo("LAPSED");
        assertThat(d01.get("lapseDate").asText()).as("the heir's date of death, not the end of the heir's window")
                .isEqualTo("2025-03-01");
        JsonNode e01 = holderIn(get("/series/F7P/register"), "P01");
        assertThat(e01.get("state").asText()).isEqualTo("LAPSED");
        assertThat(e01.get("lapseDate").asText()).as("the day after the period's end").isEqualTo("2026-01-01");
        String csv = http.getForEntity("/series/F7P/register?format=csv", String.class).getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",lapse_date");
        assertThat(csv).contains("F7P," + TODAY + ",P01,P01,DIRECTOR,LAPSED,7,0,0,7,0,200,0,,,2026-01-01");

        JsonNode due = holderIn(get("/series/F7P/register?asOf=2026-01-01"), "P01");
        assertThat(due.get("state").asText()).isEqualTo("LAPSED");
        JsonNode beforeLapse = holderIn(get("/series/F7P/register?asOf=2025-12-31"), "P01");
        assertThat(beforeLapse.get("state").asText()).isEqualTo("IN_OFFICE");
    }

    // ---- faults 9 and 10: an inherited holding is named by the heir too

    @Test
    void fault9_theAuditTrailOfTheHeirHoldsTheReversalOfTheHeirsExercise() throws Exception {
        SeriesId series = issue("F9", "F9-CO", Terms.fifthSeries());
        allot(series, "J01", 30);
        send(new RecordDeath(IssuerId.of("F9-CO"), HolderId.of("J01"), LocalDate.of(2025, 1, 10)));
        send(new InheritRights(series, HolderId.of("J01"), List.of(HolderId.of("H09")), LocalDate.of(2025, 2, 1)));
        send(new ExerciseRights(series, HolderId.of("J01"), LocalDate.of(2025, 3, 1), BigDecimal.valueOf(5), null));
        send(new ReverseLatestFact(series, HolderId.of("J01"), "recorded in error", TODAY));

        // On the items, not the total: a batch may commit between the page's two queries.
        JsonNode audit = awaitJson("/audit?holderId=H09&seriesId=F9", v -> v.at("/items").size() == 3);
        List<String> types = new ArrayList<>();
        audit.get("items").forEach(item -> types.add(item.get("eventType").asText()));
        assertThat(types).containsExactly("RightsInherited", "RightsExercised", "FactReversed");
        assertThat(get("/audit?holderId=J01&seriesId=F9").at("/total").asInt()).as("and under the allottee")
                .isEqualTo(5);
    }

    @Test
    void fault10_theHolderViewOfTheHeirFindsTheHoldingAndNamesBoth() throws Exception {
        SeriesId series = issue("F10", "F10-CO", Terms.fifthSeries());
        allot(series, "K01", 30);
        send(new RecordDeath(IssuerId.of("F10-CO"), HolderId.of("K01"), LocalDate.of(2026, 9, 1)));
        send(new InheritRights(series, HolderId.of("K01"), List.of(HolderId.of("H10")), LocalDate.of(2026, 10, 1)));
        awaitStoredRegister(series);

        for (String path : List.of("/holders/H10", "/holders/H10?asOf=2026-11-01", "/holders/K01")) {
            JsonNode holding = get(path).at("/holdings/0");
            assertThat(holding.get("seriesId").asText()).as(path).isEqualTo("F10");
            assertThat(holding.get("holderId").asText()).as(path).isEqualTo("K01");
            assertThat(holding.get("currentHolderId").asText()).as(path).isEqualTo("H10");
            assertThat(holding.get("heirId").asText()).as(path).isEqualTo("H10");
            assertThat(holding.get("state").asText()).as(path).isEqualTo("HEIR_WINDOW_OPEN");
        }
        JsonNode inRegister = holderIn(get("/series/F10/register"), "K01");
        assertThat(inRegister.get("heirId").asText()).isEqualTo("H10");
        assertThat(windowsOf(get("/windows"), "F10")).extracting(w -> w.get("currentHolderId").asText())
                .containsExactly("H10");
    }

    // ---- a death recorded after the lapse says so in the answer

    @Test
    void aDeathRecordedAfterTheLapseAnswersWhatItDidInTheSeries() throws Exception {
        SeriesId series = issue("D13", "D13-CO", Terms.fifthSeries());
        allot(series, "L01", 30);
        ResponseEntity<String> departure = post("/issuers/D13-CO/departures",
                "{\"holderId\": \"L01\", \"departureDate\": \"2025-06-25\", \"reason\": \"RETIREMENT\"}");
        send(new RecordDueLapses(series, LocalDate.of(2025, 7, 6)));

        ResponseEntity<String> death = post("/issuers/D13-CO/deaths",
                "{\"personId\": \"L01\", \"dateOfDeath\": \"2025-07-04\"}");

        assertThat(death.getStatusCode()).as(death.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = json.readTree(death.getBody());
        assertThat(answer.at("/events/0/type").asText()).isEqualTo("PersonDied");
        assertThat(answer.get("detail").asText()).isEqualTo("In series D13, nothing is left to inherit from L01:"
                + " the rights lapsed on 2025-07-06, when the window after leaving office closed (11)-2; that lapse"
                + " is recorded and stands, so the series records nothing of the death.");
        assertThat(json.readTree(departure.getBody()).has("detail")).as("an answer with nothing to say has none")
                .isFalse();
    }

    // ---- helpers

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private SeriesId issue(String seriesId, String issuerId, Terms terms) {
        SeriesId series = SeriesId.of(seriesId);
        send(new IssueSeries(series, IssuerId.of(issuerId), terms));
        return series;
    }

    private void allot(SeriesId series, String holder, long rights) {
        send(new AllotRights(series, HolderId.of(holder), Role.DIRECTOR, Rights.of(rights), LocalDate.of(2015, 7, 13)));
    }

    private void send(Object command) {
        sender.send(command, TrackerTestSupport.recorder("tester"));
    }

    /** Waits until the stored register has folded every event of the series. */
    private void awaitStoredRegister(SeriesId series) {
        long last = jdbc.queryForObject("select max(sequenceNumber) from DomainEventEntry where aggregateIdentifier = ?",
                Long.class, series.value());
        Awaitility.await("stored register of " + series).atMost(BOUND).pollInterval(Duration.ofMillis(25))
                .until(() -> jdbc.queryForList("select version from series_view where series_id = ?", Long.class,
                        series.value()).stream().anyMatch(v -> v >= last));
    }

    private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> done) {
        return Awaitility.await(path).atMost(BOUND).pollInterval(Duration.ofMillis(25))
                .until(() -> get(path), done::test);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static List<JsonNode> windowsOf(JsonNode page, String seriesId) {
        return itemsOf(page, seriesId);
    }

    private static List<JsonNode> awaitingOf(JsonNode page, String seriesId) {
        return itemsOf(page, seriesId);
    }

    private static List<JsonNode> itemsOf(JsonNode page, String seriesId) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("seriesId").asText().equals(seriesId)) {
                items.add(item);
            }
        });
        return items;
    }

    private static JsonNode holderIn(JsonNode register, String holderId) {
        for (JsonNode holder : register.get("holders")) {
            if (holder.get("holderId").asText().equals(holderId)) {
                return holder;
            }
        }
        throw new AssertionError("no holder " + holderId + " in " + register);
    }
}
