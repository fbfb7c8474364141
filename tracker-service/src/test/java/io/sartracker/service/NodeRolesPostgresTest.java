package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node roles on one PostgreSQL database: a command-only node records facts and never claims a
 * projection's segment; a query-only node keeps and answers the views and refuses to record (503).
 * Both say when they can take traffic (readiness, public) and give the operators' metrics: each
 * processor's lag, dead letters, command counts and latencies.
 */
class NodeRolesPostgresTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCommandNodeRecordsAndAQueryNodeKeepsTheViews() throws Exception {
        String url = TestPostgres.newDatabase("node_roles");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD));
        Path dataDir = TrackerTestSupport.freshDataDir("node-roles");
        try (InProcessNode command = InProcessNode.start("command-node", url, dataDir, null,
                "--tracker.node.roles=command");
             InProcessNode query = InProcessNode.start("query-node", url, dataDir, null, "--tracker.node.roles=query")) {
            HttpResponse<String> refused = query.post("/series", TrackerTestSupport.issueSeriesBody("ROLES-1", "ROLES"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(json.readTree(refused.body()).at("/code").asText()).isEqualTo("NOT_SERVED_BY_THIS_NODE");
            assertThat(query.post("/lapse-sweeps", "").statusCode()).isEqualTo(503);
            assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class)).isZero();

            assertThat(command.post("/series", TrackerTestSupport.issueSeriesBody("ROLES-1", "ROLES")).statusCode())
                    .isEqualTo(201);
            assertThat(command.post("/series/ROLES-1/allotments", "{\"holderId\":\"D01\",\"role\":\"DIRECTOR\","
                    + "\"rights\":5,\"allotmentDate\":\"2015-07-13\"}").statusCode()).isEqualTo(201);
            Awaitility.await("the query node folds what the command node recorded").atMost(BOUND)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> query.get("/series/ROLES-1/register").statusCode() == 200
                            && json.readTree(query.get("/series/ROLES-1/register").body()).at("/allotted").asLong() == 5);
            assertThat(jdbc.queryForList("select distinct owner from TokenEntry where owner is not null", String.class))
                    .as("only the query node claims segments").containsOnly("query-node");

            // a rebuild asked of the command node, which runs no projection, is carried out by the query node
            assertThat(command.post("/projections/rebuild", "").statusCode()).isEqualTo(202);
            Awaitility.await("the rebuild is done").atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (JsonNode projection : json.readTree(command.get("/projections/rebuild").body())) {
                    if (projection.at("/rebuilding").asBoolean() || projection.at("/activeGeneration").asInt() != 2) {
                        return false;
                    }
                }
                return true;
            });

            for (InProcessNode node : List.of(command, query)) {
                HttpResponse<String> ready = anonymous(node, "/actuator/health/readiness");
                assertThat(ready.statusCode()).as(node.name() + " is ready: " + ready.body()).isEqualTo(200);
                assertThat(anonymous(node, "/actuator/health/liveness").statusCode()).isEqualTo(200);
                JsonNode health = json.readTree(node.get("/actuator/health").body());
                assertThat(health.at("/components/processors/details/node").asText()).isEqualTo(node.name());
            }
            Awaitility.await("the register's lag is read as 0 on both nodes").atMost(BOUND)
                    .pollInterval(Duration.ofMillis(100)).until(() -> metric(command, "tracker.processor.lag?tag=processing_group:register") == 0
                            && metric(query, "tracker.processor.lag?tag=processing_group:audit") == 0);
            assertThat(metric(query, "tracker.dead.letters?tag=processing_group:register")).isZero();
            JsonNode names = json.readTree(command.get("/actuator/metrics").body()).at("/names");
            System.out.println("NodeRoles: metrics of the command node: " + names);
            assertThat(names.toString()).contains("\"commandBus.successTimer\"", "\"commandBus.failureCounter\"",
                    "\"tracker.processor.lag\"", "\"tracker.dead.letters\"");
            assertThat(metric(command, "commandBus.successTimer")).as("commands handled, counted with their latencies")
                    .isGreaterThanOrEqualTo(2);
            String queryNames = json.readTree(query.get("/actuator/metrics").body()).at("/names").toString();
            assertThat(queryNames).as("each processor's latency on the query node").contains("\"eventProcessor.latency\"");
            assertThat(queryNames).as("no meters looked up for every event (ProcessorMetrics)")
                    .doesNotContain("\"eventProcessor.capacity\"", "\"eventProcessor.allTimer\"");
            assertThat(metric(query, "eventProcessor.latency?tag=processorName:register")).isGreaterThanOrEqualTo(0);
        }
    }

    private double metric(InProcessNode node, String path) throws IOException {
        HttpResponse<String> response = node.get("/actuator/metrics/" + path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body()).at("/measurements/0/value").asDouble();
    }

    private static HttpResponse<String> anonymous(InProcessNode node, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
