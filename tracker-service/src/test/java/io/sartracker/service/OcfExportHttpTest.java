package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Cap Format export of the reference history (loaded by {@code ReferenceHistoryLoader}) and of
 * a later history with a second series, a valuation, a death, an inheritance, lapses and a board's
 * adjustment: every file and every object validates against the official OCF 1.2.0 schemas, offline,
 * and the shares the package gives each holder equal the as-of register's on dates before, between and
 * after the splits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OcfExportHttpTest {
    static final String MANIFEST = "Manifest.ocf.json";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @DynamicPropertySource
    static void referenceHistory(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("ocf-http")::toString);
        registry.add("tracker.load-reference-history", () -> "true");
    }

    TestRestTemplate admin;
    TestRestTemplate reporting;
    TestRestTemplate operator;
    @Autowired
    ObjectMapper json;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        admin = TrackerTestSupport.asAdmin(anonymous, environment);
        reporting = TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
        operator = TrackerTestSupport.asUser(anonymous, environment, "otto", "OPERATOR");
    }

    @Test
    @Order(1)
    void theReferenceHistoryIsAValidOcfPackageSayingWhatHappened() throws Exception {
        awaitSeriesOfIij("IIJ-SAR-5");
        ResponseEntity<byte[]> answer = reporting.getForEntity("/issuers/IIJ/ocf", byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.valueOf("application/zip"));
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("IIJ-ocf-" + TODAY + ".zip");
        Path saved = Path.of("target", "ocf", "IIJ-ocf-reference-history.zip");
        Files.createDirectories(saved.getParent());
        Files.write(saved, answer.getBody());

        Map<String, byte[]> files = unzip(answer.getBody());
        assertValid(files);

        JsonNode manifest = read(files.get(MANIFEST));
        assertThat(manifest.at("/issuer/legal_name").asText()).isEqualTo("Internet Initiative Japan Inc.");
        assertThat(manifest.at("/as_of").asText()).isEqualTo(TODAY.toString());
        assertThat(items(files, "Stakeholders.ocf.json")).hasSize(18);
        JsonNode d01 = byId(items(files, "Stakeholders.ocf.json"), "D01");
        assertThat(d01.at("/name/legal_name").asText()).isEqualTo("D01");
        assertThat(d01.at("/current_relationship").asText()).isEqualTo("OTHER");
        assertThat(d01.at("/comments").toString()).contains("Lost office on 2023-06-23 (RETIREMENT)");
        assertThat(byId(items(files, "Stakeholders.ocf.json"), "D02").at("/current_relationship").asText())
                .isEqualTo("BOARD_MEMBER");
        assertThat(byId(items(files, "Stakeholders.ocf.json"), "E01").at("/current_relationship").asText())
                .isEqualTo("OFFICER");

        JsonNode plan = items(files, "StockPlans.ocf.json").get(0);
        assertThat(plan.at("/id").asText()).isEqualTo("IIJ-SAR-5");
        assertThat(plan.at("/initial_shares_reserved").asText()).isEqualTo("46000");
        assertThat(plan.at("/board_approval_date").asText()).isEqualTo("2015-06-26");

        List<JsonNode> transactions = items(files, "Transactions.ocf.json");
        List<JsonNode> issuances = ofType(transactions, "TX_EQUITY_COMPENSATION_ISSUANCE");
        assertThat(issuances).hasSize(18);
        JsonNode d01Issuance = issuances.stream().filter(i -> i.at("/stakeholder_id").asText().equals("D01"))
                .findFirst().orElseThrow();
        assertThat(d01Issuance.at("/quantity").asText()).isEqualTo("6000");
        assertThat(d01Issuance.at("/date").asText()).isEqualTo("2015-07-13");
        assertThat(d01Issuance.at("/exercise_price/amount").asText()).isEqualTo("1");
        assertThat(d01Issuance.at("/exercise_price/currency").asText()).isEqualTo("JPY");
        assertThat(d01Issuance.at("/expiration_date").asText()).isEqualTo("2045-07-13");
        assertThat(d01Issuance.at("/termination_exercise_windows").toString())
                .contains("{\"reason\":\"VOLUNTARY_RETIREMENT\",\"period\":10,\"period_type\":\"DAYS\"}")
                .contains("{\"reason\":\"INVOLUNTARY_DEATH\",\"period\":6,\"period_type\":\"MONTHS\"}");
        assertThat(issuances.stream().mapToLong(i -> i.at("/quantity").asLong()).sum()).isEqualTo(230 * 200);

        List<JsonNode> splits = ofType(transactions, "TX_STOCK_CLASS_SPLIT");
        assertThat(splits).extracting(s -> s.at("/date").asText()).containsExactly("2021-01-01", "2022-10-01");
        assertThat(splits).allSatisfy(s -> {
            assertThat(s.at("/split_ratio/numerator").asText()).isEqualTo("2");
            assertThat(s.at("/split_ratio/denominator").asText()).isEqualTo("1");
        });
        List<JsonNode> exercises = ofType(transactions, "TX_EQUITY_COMPENSATION_EXERCISE");
        assertThat(exercises).hasSize(1);
        assertThat(exercises.get(0).at("/quantity").asText()).isEqualTo("24000");
        assertThat(exercises.get(0).at("/date").asText()).isEqualTo("2023-06-30");
        assertThat(exercises.get(0).at("/security_id").asText()).isEqualTo(d01Issuance.at("/security_id").asText());
        assertThat(exercises.get(0).at("/consideration_text").asText()).contains("24,000 yen paid in");
        assertThat(items(files, "Valuations.ocf.json")).isEmpty();
        System.out.printf("OCF package of the reference history: %,d bytes zipped, %,d bytes of JSON%n",
                answer.getBody().length, files.values().stream().mapToLong(b -> b.length).sum());
    }

    @Test
    @Order(2)
    void theSharesOfEachHolderEqualTheRegistersBeforeBetweenAndAfterTheSplits() throws Exception {
        awaitSeriesOfIij("IIJ-SAR-5");
        for (LocalDate day : List.of(LocalDate.of(2015, 7, 13), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1),
                LocalDate.of(2022, 9, 30), LocalDate.of(2022, 10, 1), LocalDate.of(2023, 6, 29),
                LocalDate.of(2023, 6, 30), TODAY)) {
            Map<String, BigDecimal> fromPackage = sharesByStakeholder(download(day), day);
            assertThat(fromPackage).as("as of %s", day).isEqualTo(sharesInRegisters(day)).isNotEmpty();
        }
        // the figures themselves: D01's 30 rights deliver 6,000, 12,000, then 24,000 shares, then none
        assertThat(sharesByStakeholder(download(LocalDate.of(2020, 12, 31)), LocalDate.of(2020, 12, 31)))
                .containsEntry("D01", new BigDecimal(6_000));
        assertThat(sharesByStakeholder(download(LocalDate.of(2022, 10, 1)), LocalDate.of(2022, 10, 1)))
                .containsEntry("D01", new BigDecimal(24_000)).containsEntry("E01", new BigDecimal(5_600));
        assertThat(sharesByStakeholder(download(TODAY), TODAY)).doesNotContainKey("D01");
    }

    @Test
    @Order(3)
    void theSchemasRefuseAPackageThatBreaksThem() throws Exception {
        Map<String, byte[]> files = download(TODAY);
        ObjectNode manifest = (ObjectNode) read(files.get(MANIFEST));
        manifest.remove("issuer");
        assertThat(OcfSchemas.errors(OcfSchemas.FILE_SCHEMAS.get("OCF_MANIFEST_FILE"), manifest.toString()))
                .anySatisfy(error -> assertThat(error).contains("issuer"));
        ObjectNode issuance = (ObjectNode) ofType(items(files, "Transactions.ocf.json"),
                "TX_EQUITY_COMPENSATION_ISSUANCE").get(0);
        issuance.put("quantity", "30 rights");
        assertThat(OcfSchemas.errors(OcfSchemas.OBJECT_SCHEMAS.get("TX_EQUITY_COMPENSATION_ISSUANCE"),
                issuance.toString())).anySatisfy(error -> assertThat(error).contains("quantity"));
    }

    @Test
    @Order(4)
    void aLaterHistoryWithAValuationAnInheritanceLapsesAndABoardAdjustmentStaysValidAndEqualToTheRegister()
            throws Exception {
        post("/series", """
                {"seriesId": "IIJ-SAR-6", "issuerId": "IIJ", "terms": {
                  "name": "Internet Initiative Japan Inc. Stock Acquisition Rights (6th series)",
                  "issuerName": "Internet Initiative Japan Inc.", "resolutionDate": "2024-06-26",
                  "maximumRights": 100, "sharesPerRightAtIssue": 100, "exercisePricePerShare": 1,
                  "exercisePeriod": {"firstDay": "2024-07-13", "lastDay": "2054-07-12"},
                  "allotmentDate": "2024-07-12", "paymentDate": "2024-07-12",
                  "windowAfterLeavingOfficeDays": 10, "heirWindowMonths": 6, "transferAllowed": false,
                  "eligibleRoles": ["DIRECTOR", "EXECUTIVE_OFFICER"]}}""");
        post("/series/IIJ-SAR-6/allotment-amount", """
                {"determinationDate": "2024-07-12", "spot": 2900, "years": 15, "riskFreeRate": 0.018,
                 "dividendPerShare": 30, "volatility": 0.35}""");
        post("/series/IIJ-SAR-6/allotments", allotment("D02", "DIRECTOR", 20));
        post("/series/IIJ-SAR-6/allotments", allotment("E01", "EXECUTIVE_OFFICER", 10));
        post("/series/IIJ-SAR-6/allotments", allotment("E02", "EXECUTIVE_OFFICER", 10));
        post("/issuers/IIJ/deaths", "{\"personId\": \"E01\", \"dateOfDeath\": \"2024-09-01\"}");
        for (String series : List.of("IIJ-SAR-5", "IIJ-SAR-6")) {
            post("/series/" + series + "/inheritances",
                    "{\"holderId\": \"E01\", \"heirId\": \"E01-HEIR\", \"inheritanceDate\": \"2024-10-01\"}");
        }
        post("/series/IIJ-SAR-5/exercises", "{\"holderId\": \"E01\", \"exerciseDate\": \"2024-10-15\", \"rights\": 2}");
        post("/issuers/IIJ/departures",
                "{\"holderId\": \"E02\", \"departureDate\": \"2024-11-01\", \"reason\": \"RESIGNATION\"}");
        post("/series/IIJ-SAR-6/share-adjustments", "{\"sharesPerRight\": 150, \"appliesFrom\": \"2025-01-01\","
                + " \"reason\": \"the board's adjustment after a demerger\"}");
        assertThat(admin.postForEntity("/lapse-sweeps", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitSeriesOfIij("IIJ-SAR-6");

        for (LocalDate day : List.of(LocalDate.of(2024, 7, 11), LocalDate.of(2024, 7, 12), LocalDate.of(2024, 9, 1),
                LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 15), LocalDate.of(2024, 11, 11),
                LocalDate.of(2024, 11, 12), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 2), TODAY)) {
            Map<String, byte[]> files = download(day);
            assertValid(files);
            assertThat(sharesByStakeholder(files, day)).as("as of %s", day).isEqualTo(sharesInRegisters(day));
        }
        // the heir's 2 exercised rights of 800 shares, before the heir's window closed
        assertThat(sharesByStakeholder(download(LocalDate.of(2024, 10, 15)), LocalDate.of(2024, 10, 15)))
                .containsEntry("E01-HEIR", new BigDecimal(5 * 800 + 10 * 100));

        Map<String, byte[]> files = download(TODAY);
        List<JsonNode> transactions = items(files, "Transactions.ocf.json");
        assertThat(ofType(transactions, "TX_EQUITY_COMPENSATION_TRANSFER")).hasSize(2)
                .allSatisfy(t -> assertThat(t.at("/date").asText()).isEqualTo("2024-10-01"));
        assertThat(ofType(transactions, "TX_EQUITY_COMPENSATION_CANCELLATION"))
                .extracting(c -> c.at("/date").asText() + " " + c.at("/reason_text").asText())
                .anySatisfy(c -> assertThat(c).startsWith("2024-11-12 The window after losing office closed"))
                .anySatisfy(c -> assertThat(c).startsWith("2025-04-02 The heir's window closed"))
                .anySatisfy(c -> assertThat(c).startsWith("2025-01-01 The board adjusted the shares per right"));
        JsonNode valuation = items(files, "Valuations.ocf.json").get(0);
        assertThat(valuation.at("/price_per_share/amount").asText()).isEqualTo("2900");
        assertThat(valuation.at("/effective_date").asText()).isEqualTo("2024-07-12");
        assertThat(valuation.at("/comments").toString()).contains("yen per right");
        assertThat(byId(items(files, "Stakeholders.ocf.json"), "E01-HEIR").at("/comments").toString())
                .contains("The heir of E01, inherited on 2024-10-01");
    }

    @Test
    @Order(5)
    void anUnknownIssuerABadDateAndAnOperatorAreRefused() throws Exception {
        ResponseEntity<String> unknown = reporting.getForEntity("/issuers/NO-SUCH/ocf", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(unknown.getBody()).at("/code").asText()).isEqualTo("UNKNOWN_ISSUER");
        ResponseEntity<String> beforeAnySeries = reporting.getForEntity("/issuers/IIJ/ocf?asOf=2015-06-25",
                String.class);
        assertThat(beforeAnySeries.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> badDate = reporting.getForEntity("/issuers/IIJ/ocf?asOf=yesterday", String.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badDate.getBody()).at("/code").asText()).isEqualTo("INVALID_INPUT");
        ResponseEntity<String> refused = operator.getForEntity("/issuers/IIJ/ocf", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---- the package read back

    /** Every file the manifest names is there with its MD5, and every file and object is valid. */
    private void assertValid(Map<String, byte[]> files) throws Exception {
        JsonNode manifest = read(files.get(MANIFEST));
        assertThat(OcfSchemas.errors(OcfSchemas.FILE_SCHEMAS.get("OCF_MANIFEST_FILE"), text(files.get(MANIFEST))))
                .isEmpty();
        assertThat(OcfSchemas.errors(OcfSchemas.OBJECT_SCHEMAS.get("ISSUER"), manifest.get("issuer").toString()))
                .isEmpty();
        List<String> named = new ArrayList<>(List.of(MANIFEST));
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) manifest::fields) {
            if (!field.getKey().endsWith("_files")) {
                continue;
            }
            for (JsonNode reference : field.getValue()) {
                String name = reference.get("filepath").asText().replaceFirst("^\\./", "");
                named.add(name);
                assertThat(files).as("the manifest names %s", name).containsKey(name);
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(files.get(name))))
                        .isEqualTo(reference.get("md5").asText());
                JsonNode file = read(files.get(name));
                String fileType = file.get("file_type").asText();
                assertThat(OcfSchemas.FILE_SCHEMAS).containsKey(fileType);
                assertThat(OcfSchemas.errors(OcfSchemas.FILE_SCHEMAS.get(fileType), text(files.get(name))))
                        .as(name).isEmpty();
                for (JsonNode item : file.get("items")) {
                    String type = item.get("object_type").asText();
                    assertThat(OcfSchemas.OBJECT_SCHEMAS).as("a schema for %s", type).containsKey(type);
                    assertThat(OcfSchemas.errors(OcfSchemas.OBJECT_SCHEMAS.get(type), item.toString()))
                            .as("%s %s", type, item.get("id")).isEmpty();
                }
            }
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(files.keySet());
    }

    /**
     * The shares each stakeholder holds rights to by the package alone: what was issued to them minus what
     * was exercised, cancelled or transferred away, each quantity multiplied by the stock class splits
     * dated after it. Stakeholders left with none are left out.
     */
    private Map<String, BigDecimal> sharesByStakeholder(Map<String, byte[]> files, LocalDate asOf) throws IOException {
        List<JsonNode> transactions = items(files, "Transactions.ocf.json");
        List<JsonNode> splits = ofType(transactions, "TX_STOCK_CLASS_SPLIT");
        assertThat(splits).allSatisfy(s -> assertThat(LocalDate.parse(s.at("/date").asText())).isBeforeOrEqualTo(asOf));
        Map<String, String> holderOf = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new TreeMap<>();
        for (JsonNode t : transactions) {
            String type = t.get("object_type").asText();
            if (type.equals("TX_STOCK_CLASS_SPLIT")) {
                continue;
            }
            LocalDate date = LocalDate.parse(t.get("date").asText());
            assertThat(date).isBeforeOrEqualTo(asOf);
            BigDecimal quantity = new BigDecimal(t.get("quantity").asText());
            for (JsonNode split : splits) {
                if (LocalDate.parse(split.at("/date").asText()).isAfter(date)) {
                    quantity = quantity.multiply(new BigDecimal(split.at("/split_ratio/numerator").asText()))
                            .divide(new BigDecimal(split.at("/split_ratio/denominator").asText()));
                }
            }
            String security = t.get("security_id").asText();
            if (type.equals("TX_EQUITY_COMPENSATION_ISSUANCE")) {
                holderOf.put(security, t.get("stakeholder_id").asText());
                shares.merge(holderOf.get(security), quantity, BigDecimal::add);
            } else {
                assertThat(holderOf).as("%s names an issued security", t.get("id")).containsKey(security);
                shares.merge(holderOf.get(security), quantity.negate(), BigDecimal::add);
            }
        }
        shares.values().forEach(s -> assertThat(s.signum()).isNotNegative());
        shares.replaceAll((holder, s) -> s.stripTrailingZeros().setScale(0));
        shares.values().removeIf(s -> s.signum() == 0);
        return shares;
    }

    /** The shares each current holder's rights deliver, by the as-of registers of the issuer's series. */
    private Map<String, BigDecimal> sharesInRegisters(LocalDate day) throws IOException {
        Map<String, BigDecimal> shares = new TreeMap<>();
        for (JsonNode series : json.readTree(reporting.getForObject("/series?issuerId=IIJ", String.class))
                .get("series")) {
            ResponseEntity<String> register = reporting.getForEntity("/series/" + series.get("seriesId").asText()
                    + "/register?asOf=" + day, String.class);
            if (register.getStatusCode() == HttpStatus.NOT_FOUND) {
                continue; // not issued yet on that day
            }
            for (JsonNode holding : json.readTree(register.getBody()).get("holders")) {
                shares.merge(holding.get("currentHolderId").asText(),
                        new BigDecimal(holding.get("sharesDeliverable").asLong()), BigDecimal::add);
            }
        }
        shares.values().removeIf(s -> s.signum() == 0);
        return shares;
    }

    private Map<String, byte[]> download(LocalDate day) throws IOException {
        ResponseEntity<byte[]> answer = reporting.getForEntity("/issuers/IIJ/ocf?asOf=" + day, byte[].class);
        assertThat(answer.getStatusCode()).as("the package as of %s", day).isEqualTo(HttpStatus.OK);
        return unzip(answer.getBody());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private List<JsonNode> items(Map<String, byte[]> files, String name) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        read(files.get(name)).get("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> ofType(List<JsonNode> items, String type) {
        return items.stream().filter(i -> i.get("object_type").asText().equals(type)).toList();
    }

    private static JsonNode byId(List<JsonNode> items, String id) {
        return items.stream().filter(i -> i.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private JsonNode read(byte[] bytes) throws IOException {
        return json.readTree(bytes);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The views list the series once the register projection has folded them. */
    private void awaitSeriesOfIij(String seriesId) {
        Awaitility.await("the views list " + seriesId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> reporting.getForObject("/series?issuerId=IIJ", String.class).contains(seriesId));
    }

    private static String allotment(String holder, String role, int rights) {
        return "{\"holderId\": \"" + holder + "\", \"role\": \"" + role + "\", \"rights\": " + rights
                + ", \"allotmentDate\": \"2024-07-12\"}";
    }

    private void post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = admin.postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode()).as("%s answered %s", path, answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
