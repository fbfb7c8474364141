package io.sartracker.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in through an identity provider: a key pair made here plays the provider. Tokens
 * with the right issuer, audience and expiry sign in with the roles of the configured claim; any
 * other token is refused. Password sign-in is off, so no administrator is generated either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenHttpTest {
    private static final String ISSUER = "https://login.example.co.jp/realms/iij";
    private static final String AUDIENCE = "sar-tracker";
    private static final Path DATA_DIR = TrackerTestSupport.freshDataDir("bearer");
    private static final KeyPair PROVIDER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA_DIR::toString);
        registry.add("tracker.security.password-sign-in", () -> "false");
        registry.add("tracker.security.jwt.public-key-location", () -> "file:" + publicKeyFile());
        registry.add("tracker.security.jwt.issuer", () -> ISSUER);
        registry.add("tracker.security.jwt.audience", () -> AUDIENCE);
        registry.add("tracker.security.jwt.roles-claim", () -> "realm_access.roles");
        registry.add("tracker.security.jwt.name-claim", () -> "preferred_username");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void aTokenOfTheProviderSignsInWithTheRolesOfItsClaimAndIsTheRecorder() throws Exception {
        String token = token(PROVIDER.getPrivate(), ISSUER, AUDIENCE, Instant.now().plusSeconds(300), "sato",
                List.of("equity-administrator", "offline_access"));
        JsonNode me = json.readTree(call("GET", "/me", token, null).getBody());
        assertThat(me.at("/username").asText()).isEqualTo("sato");
        assertThat(me.at("/signedInBy").asText()).isEqualTo("bearer-token");
        assertThat(me.at("/roles").toString()).isEqualTo("[\"EQUITY_ADMINISTRATOR\"]");

        ResponseEntity<String> issued = call("POST", "/series", token,
                TrackerTestSupport.issueSeriesBody("JWT-1", "JWT-CO"));
        assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(201);
        JsonNode event = json.readTree(call("GET", "/series/JWT-1/events", token, null).getBody()).get(0);
        assertThat(event.at("/metadata/recordedBy").asText()).isEqualTo("sato");
        assertThat(event.at("/metadata/signedInBy").asText()).isEqualTo("bearer-token");

        String reporting = token(PROVIDER.getPrivate(), ISSUER, AUDIENCE, Instant.now().plusSeconds(300), "kato",
                List.of("REPORTING"));
        assertThat(call("GET", "/series", reporting, null).getStatusCode().value()).isEqualTo(200);
        assertThat(code(call("POST", "/series", reporting, TrackerTestSupport.issueSeriesBody("JWT-2", "JWT-CO")), 403))
                .isEqualTo("ROLE_REQUIRED");
    }

    @Test
    void aTokenWithAWrongAudienceIssuerExpiryOrKeyIsRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        List<String> roles = List.of("EQUITY_ADMINISTRATOR");
        Map<String, String> refused = Map.of(
                "wrong audience", token(PROVIDER.getPrivate(), ISSUER, "another-app", later, "sato", roles),
                "wrong issuer", token(PROVIDER.getPrivate(), "https://evil.example", AUDIENCE, later, "sato", roles),
                "expired", token(PROVIDER.getPrivate(), ISSUER, AUDIENCE, Instant.now().minusSeconds(600), "sato",
                        roles),
                "signed by another key", token(STRANGER.getPrivate(), ISSUER, AUDIENCE, later, "sato", roles),
                "naming the system", token(PROVIDER.getPrivate(), ISSUER, AUDIENCE, later, "system", roles),
                "not a token", "not-a-token");
        refused.forEach((why, token) -> {
            ResponseEntity<String> answer = call("POST", "/series", token,
                    TrackerTestSupport.issueSeriesBody("JWT-BAD", "JWT-CO"));
            assertThat(answer.getStatusCode().value()).as(why + ": " + answer.getBody()).isEqualTo(401);
            assertThat(answer.getBody()).as(why).contains("SIGN_IN_REQUIRED");
        });
        assertThat(call("GET", "/series/JWT-BAD", token(PROVIDER.getPrivate(), ISSUER, AUDIENCE, later, "sato",
                List.of("COMPLIANCE")), null).getStatusCode().value()).as("nothing was recorded").isEqualTo(404);
    }

    @Test
    void withPasswordSignInOffNoAdministratorIsGeneratedAndBasicIsRefused() throws Exception {
        assertThat(DATA_DIR.resolve("initial-admin-password.txt")).doesNotExist();
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", TrackerTestSupport.basic("admin", "whatever-password"));
        ResponseEntity<String> answer = http.exchange("/me", org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(code(answer, 401)).isEqualTo("SIGN_IN_REQUIRED");
        assertThat(answer.getHeaders().get("WWW-Authenticate")).allSatisfy(h -> assertThat(h).startsWith("Bearer"));
    }

    private ResponseEntity<String> call(String method, String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, org.springframework.http.HttpMethod.valueOf(method), new HttpEntity<>(body, headers),
                String.class);
    }

    private String code(ResponseEntity<String> answer, int status) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return json.readTree(answer.getBody()).at("/code").asText();
    }

    private static String token(PrivateKey key, String issuer, String audience, Instant expiry, String name,
                                List<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("id-" + name)
                .claim("preferred_username", name).claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("provider", ".pem");
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
