package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.config.CompressedSnapshots;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holder directory and erasure on the reference history (RULES.md 12): names entered and changed with their
 * history, the register showing them, erasure refused while rights are held and before the retention has passed
 * (a code, a sentence and the figures), and after the erasure the register shows the identifier only and no
 * table of the database holds any of the erased data, not in the directory's history, the audit trail, the
 * events or the idempotency store: every column of every table is searched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tracker.load-reference-history=true", "tracker.holder-directory.retention=P1Y"})
class HolderDirectoryErasureTest {
    static final String NAME = "山田太郎";
    static final String KANA = "ヤマダタロウ";
    static final String FIRST_ADDRESS = "東京都千代田区富士見二丁目10番2号";
    static final String SECOND_ADDRESS = "神奈川県横浜市中区本町一丁目1番地";
    static final String CONTACT = "taro.yamada@example.jp";
    /** D02 still holds rights: his name stays, and the search finds it (the search can find what is there). */
    static final String KEPT_NAME = "佐藤花子";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("holder-directory")::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        LapseSweepServiceTest.SettableClock settableClock() {
            // D01 exercised his last rights on 2023-06-30: with a retention of one year, erasable from 2024-06-30
            return new LapseSweepServiceTest.SettableClock(LocalDate.of(2024, 1, 1));
        }
    }

    @Autowired
    LapseSweepServiceTest.SettableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    TestRestTemplate alice;
    TestRestTemplate compliance;
    TestRestTemplate reporting;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        alice = TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
        compliance = TrackerTestSupport.asUser(anonymous, environment, "carol", "COMPLIANCE");
        reporting = TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
    }

    @Test
    void erasureLeavesTheIdentifierInTheRegisterAndNoPersonalDataInAnyTable() throws Exception {
        JsonNode entered = body(put("D01", NAME, KANA, FIRST_ADDRESS, CONTACT), 200);
        assertThat(entered.path("version").asInt()).isEqualTo(1);
        assertThat(entered.path("changedBy").asText()).isEqualTo("alice");
        JsonNode changed = body(put("D01", NAME, KANA, SECOND_ADDRESS, CONTACT), 200);
        assertThat(changed.path("version").asInt()).isEqualTo(2);
        assertThat(changed.path("address").asText()).isEqualTo(SECOND_ADDRESS);
        body(put("D02", KEPT_NAME, "サトウハナコ", "大阪府大阪市北区梅田三丁目1番1号", null), 200);

        JsonNode history = body(compliance.getForEntity("/holders/D01/directory/history", String.class), 200);
        assertThat(history.path("changes")).hasSize(2);
        assertThat(history.at("/changes/0/change").asText()).isEqualTo("ENTERED");
        assertThat(history.at("/changes/0/address").asText()).isEqualTo(FIRST_ADDRESS);
        assertThat(history.at("/changes/1/change").asText()).isEqualTo("CHANGED");
        assertThat(history.at("/changes/1/changedBy").asText()).isEqualTo("alice");
        assertThat(history.at("/changes/1/signedInBy").asText()).isEqualTo("password");
        assertThat(compliance.getForEntity("/holders/D01/directory", String.class).getBody()).contains(NAME);
        assertThat(reporting.getForEntity("/holders/D01/directory", String.class).getStatusCode().value())
                .as("reporting reads figures, not names").isEqualTo(403);

        JsonNode before = holderRow(body(compliance.getForEntity(
                "/series/IIJ-SAR-5/statutory-register?asOf=2024-01-01", String.class), 200), "D01");
        assertThat(before.get(1).asText()).isEqualTo(NAME);
        assertThat(before.get(3).asText()).isEqualTo(SECOND_ADDRESS);

        // refused: D02 still holds 25 rights; D01 within the year after his exercise; E01 has no entry
        JsonNode held = problem(erase("D02"), 422, "RIGHTS_STILL_HELD");
        assertThat(held.at("/figures/rightsHeld").asLong()).isEqualTo(25);
        assertThat(held.at("/figures/state").asText()).isEqualTo("IN_OFFICE");
        JsonNode early = problem(erase("D01"), 422, "RETENTION_NOT_ELAPSED");
        assertThat(early.path("detail").asText()).contains("2023-06-30").contains("2024-06-30");
        assertThat(early.at("/figures/lastHoldingEnded").asText()).isEqualTo("2023-06-30");
        assertThat(early.at("/figures/erasableFrom").asText()).isEqualTo("2024-06-30");
        assertThat(early.at("/figures/today").asText()).isEqualTo("2024-01-01");
        assertThat(early.at("/figures/retention").asText()).isEqualTo("P1Y");
        problem(erase("E01"), 404, "NO_DIRECTORY_ENTRY");
        assertThat(compliance.getForEntity("/holders/D01/directory", String.class).getBody())
                .as("a refused erasure changes nothing").contains(NAME).contains(SECOND_ADDRESS);

        clock.set(LocalDate.of(2024, 6, 30));
        JsonNode erased = body(erase("D01"), 200);
        assertThat(erased.path("lastHoldingEnded").asText()).isEqualTo("2023-06-30");
        assertThat(erased.path("erasableFrom").asText()).isEqualTo("2024-06-30");
        assertThat(erased.path("erasedBy").asText()).isEqualTo("alice");

        problem(compliance.getForEntity("/holders/D01/directory", String.class), 404, "NO_DIRECTORY_ENTRY");
        JsonNode afterHistory = body(compliance.getForEntity("/holders/D01/directory/history", String.class), 200);
        assertThat(afterHistory.path("changes")).hasSize(3);
        assertThat(afterHistory.at("/changes/2/change").asText()).isEqualTo("ERASED");
        assertThat(afterHistory.at("/changes/2/changedBy").asText()).isEqualTo("alice");
        afterHistory.path("changes").forEach(change -> {
            assertThat(change.hasNonNull("nameKanji")).isFalse();
            assertThat(change.hasNonNull("address")).isFalse();
        });

        // the register still holds together: D01 by identifier only, with his 30 rights exercised
        JsonNode register = body(compliance.getForEntity(
                "/series/IIJ-SAR-5/statutory-register?asOf=2024-06-30", String.class), 200);
        JsonNode d01 = holderRow(register, "D01");
        assertThat(d01.get(1).asText()).isEmpty();
        assertThat(d01.get(3).asText()).isEmpty();
        assertThat(d01.get(4).asText()).as("date of acquisition").isEqualTo("2015-07-13");
        assertThat(d01.get(10).asLong()).as("rights exercised").isEqualTo(30);
        assertThat(holderRow(register, "D02").get(1).asText()).isEqualTo(KEPT_NAME);
        String csv = new String(compliance.getForEntity("/series/IIJ-SAR-5/statutory-register?asOf=2024-06-30&format=csv",
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\nD01,,,,2015-07-13,D01,DIRECTOR,FULLY_EXERCISED,30,0,30,0,0,800,0,")
                .contains(KEPT_NAME).doesNotContain(NAME);
        assertThat(compliance.getForEntity("/series/IIJ-SAR-5/events", String.class).getBody())
                .as("the events are untouched").contains("\"holderId\":\"D01\"");

        List<String> found = search(List.of(NAME, KANA, FIRST_ADDRESS, SECOND_ADDRESS, CONTACT, KEPT_NAME));
        assertThat(found).as("where each string was found").allMatch(place -> place.startsWith(KEPT_NAME + " "));
        assertThat(found).as("the search finds what is there").isNotEmpty();
    }

    /**
     * Every column of every table of the tracker's schema (INFORMATION_SCHEMA), every row, read in Java so that
     * binary columns (the events' and snapshots' payloads, the dead letters) are searched as UTF-8 text too.
     *
     * @return "string table.column" for each string found
     */
    private List<String> search(List<String> strings) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            String schema = connection.getSchema();
            List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                    + " where table_schema = ? and table_type in ('BASE TABLE', 'TABLE')", String.class, schema);
            assertThat(tables).as("the tables of schema " + schema).contains(tableName("holder_directory_change"),
                    tableName("audit_entry"), tableName("idempotency_key"), tableName("domainevententry"));
            for (String table : tables) {
                List<String> columns = jdbc.queryForList("select column_name from information_schema.columns"
                        + " where table_schema = ? and table_name = ?", String.class, schema, table);
                try (var statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select * from \"" + schema + "\".\"" + table + "\"")) {
                    while (rows.next()) {
                        for (String column : columns) {
                            String text = text(rows, column);
                            for (String string : strings) {
                                if (text != null && text.contains(string)) {
                                    found.add(string + " " + table + "." + column);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** H2 folds unquoted names to upper case, PostgreSQL to lower case. */
    private String tableName(String name) throws SQLException {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase() : name.toLowerCase();
        }
    }

    private static String text(ResultSet rows, String column) throws SQLException {
        Object value = rows.getObject(column);
        try {
            if (value instanceof byte[] bytes) {
                return utf8(bytes);
            }
            if (value instanceof Blob blob) {
                try (InputStream in = blob.getBinaryStream()) {
                    return utf8(in.readAllBytes());
                }
            }
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
        return value == null ? null : value.toString();
    }

    /** Binary text, uncompressed first where it is gzip (the snapshots). */
    private static String utf8(byte[] bytes) {
        return new String(CompressedSnapshots.plain(bytes), StandardCharsets.UTF_8);
    }

    private JsonNode holderRow(JsonNode register, String holderId) {
        for (JsonNode row : register.at("/sections/1/rows")) {
            if (row.get(0).asText().equals(holderId)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + holderId + " in " + register);
    }

    private ResponseEntity<String> put(String personId, String name, String kana, String address, String contact)
            throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // a client that sends a key with every request: nothing of this request may be kept with it
        headers.set("Idempotency-Key", "directory-" + UUID.randomUUID());
        var body = json.createObjectNode().put("nameKanji", name).put("nameKana", kana).put("address", address)
                .put("contact", contact);
        return alice.exchange("/holders/" + personId + "/directory", HttpMethod.PUT,
                new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
    }

    private ResponseEntity<String> erase(String personId) {
        return alice.exchange("/holders/" + personId + "/directory", HttpMethod.DELETE, null, String.class);
    }

    private JsonNode body(ResponseEntity<String> answer, int status) throws IOException {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return json.readTree(answer.getBody());
    }

    private JsonNode problem(ResponseEntity<String> answer, int status, String code) throws IOException {
        JsonNode problem = body(answer, status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }
}
