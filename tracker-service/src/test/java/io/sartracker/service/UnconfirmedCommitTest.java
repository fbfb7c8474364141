package io.sartracker.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sartracker.service.durability.GroupSync;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the disk does not confirm a commit, the command is not answered as recorded: 503 with
 * {@code COMMIT_NOT_CONFIRMED} and what to do, never 201 (here every forced write fails, by test means).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnconfirmedCommitTest {

    @TestConfiguration
    static class FailingDisk {
        @Bean(destroyMethod = "close")
        @Primary
        GroupSync failingGroupSync() {
            return new GroupSync(() -> {
                throw new IOException("the disk refused the write");
            }, Duration.ofSeconds(5), Duration.ofHours(1), new SimpleMeterRegistry());
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("unconfirmed")::toString);
    }

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        http = TrackerTestSupport.asAdmin(anonymous, environment);
    }
    @Autowired
    ObjectMapper json;

    @Test
    void aCommitTheDiskDoesNotConfirmIsAnswered503NotCreated() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.postForEntity("/series",
                new HttpEntity<>(TrackerTestSupport.issueSeriesBody("U1", "U"), headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).at("/code").asText()).isEqualTo("COMMIT_NOT_CONFIRMED");
        assertThat(json.readTree(answer.getBody()).at("/detail").asText()).contains("Idempotency-Key");
    }
}
