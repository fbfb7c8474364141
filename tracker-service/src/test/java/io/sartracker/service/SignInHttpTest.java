package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in on the embedded default: the generated administrator, users, roles, and who recorded what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInHttpTest {
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("sign-in")::toString);
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Environment environment;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstStartCreatesAnAdministratorWhosePasswordOnlyTheServiceAccountCanRead() throws Exception {
        Path dataDir = Path.of(environment.getRequiredProperty("tracker.data-dir"));
        Path passwordFile = dataDir.resolve("initial-admin-password.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        try (var files = Files.list(dataDir)) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".mv.db")))
                    .allSatisfy(db -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
                            .isEqualTo("rw-------"));
        }
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(jdbc.queryForObject("select password from users where username = 'admin'", String.class))
                .startsWith("{bcrypt}").doesNotContain(password);

        JsonNode me = body(anonymous.withBasicAuth("admin", password).getForEntity("/me", String.class), 200);
        assertThat(me.at("/username").asText()).isEqualTo("admin");
        assertThat(me.at("/signedInBy").asText()).isEqualTo("password");
        assertThat(me.at("/roles").toString()).contains("ADMINISTRATOR", "EQUITY_ADMINISTRATOR", "COMPLIANCE",
                "REPORTING", "OPERATOR");

        ResponseEntity<String> wrong = anonymous.withBasicAuth("admin", password + "x").getForEntity("/me", String.class);
        assertThat(problem(wrong, 401).at("/code").asText()).isEqualTo("SIGN_IN_REQUIRED");
        assertThat(wrong.getHeaders().get("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Basic"));
        assertThat(problem(anonymous.getForEntity("/series", String.class), 401).at("/detail").asText())
                .contains("Sign in");
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode().value())
                .as("whether the service is up is public").isEqualTo(200);
    }

    @Test
    void anAdministratorAddsUsersResetsTheirPasswordsAndDisablesThem() throws Exception {
        TestRestTemplate admin = TrackerTestSupport.asAdmin(anonymous, environment);
        JsonNode created = body(admin.postForEntity("/users", jsonBody(
                "{\"username\":\"hanako\",\"roles\":[\"REPORTING\"]}"), String.class), 201);
        String generated = created.at("/generatedPassword").asText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(created.at("/roles/0").asText()).isEqualTo("REPORTING");
        TestRestTemplate hanako = anonymous.withBasicAuth("hanako", generated);
        assertThat(hanako.getForEntity("/series", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(problem(hanako.postForEntity("/series", jsonBody("{}"), String.class), 403).at("/detail").asText())
                .contains("EQUITY_ADMINISTRATOR");

        problem(admin.postForEntity("/users", jsonBody("{\"username\":\"hanako\",\"roles\":[\"REPORTING\"]}"),
                String.class), 409);
        problem(admin.postForEntity("/users", jsonBody("{\"username\":\"system\",\"roles\":[\"OPERATOR\"]}"),
                String.class), 400);
        problem(admin.postForEntity("/users", jsonBody("{\"username\":\"taro\",\"password\":\"short\","
                + "\"roles\":[\"OPERATOR\"]}"), String.class), 400);

        JsonNode reset = body(admin.postForEntity("/users/hanako/password-resets", jsonBody("{}"), String.class), 200);
        String second = reset.at("/generatedPassword").asText();
        problem(hanako.getForEntity("/series", String.class), 401);
        hanako = anonymous.withBasicAuth("hanako", second);
        assertThat(hanako.getForEntity("/series", String.class).getStatusCode().value()).isEqualTo(200);

        body(admin.exchange("/users/hanako/enabled", HttpMethod.PUT, jsonBody("{\"enabled\":false}"), String.class),
                200);
        assertThat(problem(hanako.getForEntity("/series", String.class), 401).at("/code").asText())
                .as("a disabled user is refused").isEqualTo("SIGN_IN_REQUIRED");
        body(admin.exchange("/users/hanako/enabled", HttpMethod.PUT, jsonBody("{\"enabled\":true}"), String.class),
                200);
        assertThat(hanako.getForEntity("/series", String.class).getStatusCode().value()).isEqualTo(200);

        body(admin.exchange("/users/hanako/roles", HttpMethod.PUT, jsonBody("{\"roles\":[\"COMPLIANCE\"]}"),
                String.class), 200);
        assertThat(body(hanako.getForEntity("/me", String.class), 200).at("/roles/0").asText()).isEqualTo("COMPLIANCE");

        hanako.exchange("/me/password", HttpMethod.PUT, jsonBody("{\"currentPassword\":\"" + second
                + "\",\"newPassword\":\"hanako-chooses-her-own\"}"), String.class);
        hanako = anonymous.withBasicAuth("hanako", "hanako-chooses-her-own");
        assertThat(hanako.getForEntity("/me", String.class).getStatusCode().value()).isEqualTo(200);
        problem(hanako.exchange("/me/password", HttpMethod.PUT, jsonBody("{\"currentPassword\":\"wrong-password-1\","
                + "\"newPassword\":\"another-password-2\"}"), String.class), 422);

        assertThat(problem(admin.exchange("/users/admin/enabled", HttpMethod.PUT, jsonBody("{\"enabled\":false}"),
                String.class), 422).at("/code").asText()).as("the last administrator stays").isEqualTo("LAST_ADMINISTRATOR");
        JsonNode list = body(admin.getForEntity("/users", String.class), 200);
        assertThat(list.toString()).contains("hanako").doesNotContain("password\":\"{bcrypt");
    }

    @Test
    void aBrowserSessionEndsWhenItsUserIsDisabledAndTakesChangedRolesAtOnce() throws Exception {
        TestRestTemplate admin = TrackerTestSupport.asAdmin(anonymous, environment);
        TrackerTestSupport.asUser(anonymous, environment, "kenji", "EQUITY_ADMINISTRATOR");
        PageSession kenji = PageSession.signIn(anonymous.getRootUri(), "kenji", "kenji-password");
        assertThat(kenji.call("GET", "/app/record")).isEqualTo(200);

        body(admin.exchange("/users/kenji/roles", HttpMethod.PUT, jsonBody("{\"roles\":[\"REPORTING\"]}"),
                String.class), 200);
        assertThat(kenji.call("GET", "/app/record")).as("the new roles count at once").isEqualTo(403);
        assertThat(kenji.call("GET", "/app/today")).isEqualTo(200);

        body(admin.exchange("/users/kenji/enabled", HttpMethod.PUT, jsonBody("{\"enabled\":false}"), String.class),
                200);
        assertThat(kenji.call("GET", "/app/today")).as("a disabled user's session ends").isEqualTo(302);
        assertThat(kenji.lastLocation()).contains("/login");
        body(admin.exchange("/users/kenji/enabled", HttpMethod.PUT, jsonBody("{\"enabled\":true}"), String.class),
                200);
        assertThat(kenji.call("GET", "/app/today")).as("the ended session does not come back").isEqualTo(302);
    }

    @Test
    void theRecorderIsThePersonSignedInWhateverTheHeadersSay() throws Exception {
        TestRestTemplate yuki = TrackerTestSupport.asUser(anonymous, environment, "yuki", "EQUITY_ADMINISTRATOR");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Recorded-By", "system");
        headers.set("X-Request-Id", "req-yuki-1");
        ResponseEntity<String> issued = yuki.postForEntity("/series", new HttpEntity<>(
                TrackerTestSupport.issueSeriesBody("SIGN-1", "SIGN-CO"), headers), String.class);
        assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(201);
        assertThat(issued.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-yuki-1");

        TestRestTemplate admin = TrackerTestSupport.asAdmin(anonymous, environment);
        JsonNode event = body(admin.getForEntity("/series/SIGN-1/events", String.class), 200).get(0);
        assertThat(event.at("/metadata/recordedBy").asText()).isEqualTo("yuki");
        assertThat(event.at("/metadata/signedInBy").asText()).isEqualTo("password");
        assertThat(event.at("/metadata/requestId").asText()).isEqualTo("req-yuki-1");

        JsonNode entry = awaitAudit(admin, "SIGN-1");
        assertThat(entry.at("/recordedBy").asText()).isEqualTo("yuki");
        assertThat(entry.at("/signedInBy").asText()).isEqualTo("password");
        assertThat(entry.at("/requestId").asText()).isEqualTo("req-yuki-1");
        assertThat(entry.has("payload")).as("an equity administrator reads the payloads").isTrue();

        TestRestTemplate reporting = TrackerTestSupport.asUser(anonymous, environment, "ren", "REPORTING");
        JsonNode seenByReporting = awaitAudit(reporting, "SIGN-1");
        assertThat(seenByReporting.at("/recordedBy").asText()).isEqualTo("yuki");
        assertThat(seenByReporting.has("payload")).as("reporting sees the trail without payloads").isFalse();
    }

    @Test
    void aSimplePostFromAForeignWebPageRecordsNothing() throws Exception {
        TestRestTemplate admin = TrackerTestSupport.asAdmin(anonymous, environment);
        assertThat(admin.postForEntity("/series", jsonBody(TrackerTestSupport.issueSeriesBody("CSRF-1", "CSRF-CO")),
                String.class).getStatusCode().value()).isEqualTo(201);
        long before = events();

        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.set("Origin", "http://evil.example");
        ResponseEntity<String> formPost = admin.postForEntity("/series/CSRF-1/allotments",
                new HttpEntity<>("holderId=X&role=DIRECTOR&rights=1&allotmentDate=2015-07-13", form), String.class);
        assertThat(problem(formPost, 403).at("/code").asText()).isEqualTo("CROSS_ORIGIN_REFUSED");

        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        multipart.set("Origin", "http://evil.example");
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("request", new HttpEntity<>("{\"determinationDate\":\"2015-07-13\",\"spot\":2329,\"years\":15,"
                + "\"riskFreeRate\":0.0118,\"dividendPerShare\":27,\"volatility\":0.3}", jsonPart));
        parts.add("priceHistory", new HttpEntity<>("date,close\n2015-07-10,2329\n", new HttpHeaders()));
        ResponseEntity<String> multipartPost = admin.postForEntity("/series/CSRF-1/allotment-amount",
                new HttpEntity<>(parts, multipart), String.class);
        assertThat(problem(multipartPost, 403).at("/code").asText()).isEqualTo("CROSS_ORIGIN_REFUSED");

        HttpHeaders fetchMetadata = new HttpHeaders();
        fetchMetadata.setContentType(MediaType.APPLICATION_JSON);
        fetchMetadata.set("Sec-Fetch-Site", "cross-site");
        problem(admin.postForEntity("/series/CSRF-1/allotments", new HttpEntity<>("{\"holderId\":\"X\",\"role\":"
                + "\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"2015-07-13\"}", fetchMetadata), String.class), 403);
        assertThat(events()).as("nothing recorded").isEqualTo(before);

        HttpHeaders sameOrigin = new HttpHeaders();
        sameOrigin.setContentType(MediaType.APPLICATION_JSON);
        sameOrigin.set("Origin", "http://localhost:" + environment.getProperty("local.server.port"));
        assertThat(admin.postForEntity("/series/CSRF-1/allotments", new HttpEntity<>("{\"holderId\":\"X\",\"role\":"
                + "\"DIRECTOR\",\"rights\":1,\"allotmentDate\":\"2015-07-13\"}", sameOrigin), String.class)
                .getStatusCode().value()).as("the tracker's own pages may record").isEqualTo(201);
        assertThat(anonymous.getForEntity("/series", String.class).getHeaders().get("Set-Cookie"))
                .as("no session cookie").isNull();
    }

    private JsonNode awaitAudit(TestRestTemplate client, String seriesId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode page = body(client.getForEntity("/audit?seriesId=" + seriesId, String.class), 200);
            return page.at("/items").size() > 0 ? page.at("/items/0") : null;
        }, entry -> entry != null);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private JsonNode body(ResponseEntity<String> answer, int status) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return json.readTree(answer.getBody());
    }

    private JsonNode problem(ResponseEntity<String> answer, int status) throws Exception {
        assertThat(answer.getHeaders().getContentType()).isNotNull();
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        return body(answer, status);
    }
}
