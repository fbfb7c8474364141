package io.sartracker.service;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holder directory on the holder page and the statutory register's downloads on the series page, in a
 * browser's session: an equity administrator enters a name through the form and is refused an erasure with the
 * rule's code and sentence, compliance reads the name without a form, reporting sees neither names nor the
 * register's downloads; the page's downloads are the API's files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class HolderDirectoryPagesTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("directory-pages")::toString);
    }

    PageSession alice;
    PageSession carol;
    PageSession rita;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
        TrackerTestSupport.asUser(anonymous, environment, "carol", "COMPLIANCE");
        TrackerTestSupport.asUser(anonymous, environment, "rita", "REPORTING");
        alice = PageSession.signIn(anonymous.getRootUri(), "alice", "alice-password");
        carol = PageSession.signIn(anonymous.getRootUri(), "carol", "carol-password");
        rita = PageSession.signIn(anonymous.getRootUri(), "rita", "rita-password");
    }

    @Test
    void nameEnteredOnTheHolderPageAndTheRegisterDownloadedFromTheSeriesPage() {
        HttpResponse<String> saved = alice.submit("/app/holders/D02/directory", Map.of("nameKanji", "佐藤花子",
                "nameKana", "サトウハナコ", "address", "大阪府大阪市北区梅田三丁目1番1号", "contact", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(alice.lastLocation()).endsWith("/app/holders/D02");
        String page = alice.get("/app/holders/D02?lang=ja").body();
        assertThat(page).contains("氏名・住所を保存しました。").contains("佐藤花子").contains("大阪府大阪市北区梅田三丁目1番1号")
                .contains("id=\"directory-form\"").contains("id=\"directory-erase\"").contains("登録");

        String refused = alice.submit("/app/holders/D02/directory/erasure", Map.of()).body();
        assertThat(refused).contains("id=\"directory-error\"").contains("RIGHTS_STILL_HELD")
                .contains("D02 still holds rights in series IIJ-SAR-5");
        String blank = alice.submit("/app/holders/D03/directory", Map.of("nameKanji", " ", "address", "東京都")).body();
        assertThat(blank).contains("INVALID_INPUT").contains("nameKanji is required").contains("value=\"東京都\"");

        String compliance = carol.get("/app/holders/D02?lang=en").body();
        assertThat(compliance).contains("Name and address (holder directory)").contains("佐藤花子")
                .doesNotContain("id=\"directory-form\"").doesNotContain("id=\"directory-erase\"");
        String reporting = rita.get("/app/holders/D02").body();
        assertThat(reporting).contains("D02").doesNotContain("佐藤花子").doesNotContain("id=\"directory\"");

        assertThat(carol.get("/app/series/IIJ-SAR-5?asOf=2023-07-01").body())
                .contains("/app/series/IIJ-SAR-5/statutory-register?format=pdf&amp;asOf=2023-07-01");
        assertThat(rita.get("/app/series/IIJ-SAR-5").body()).doesNotContain("statutory-register");
        HttpResponse<byte[]> pdf = carol.download("/app/series/IIJ-SAR-5/statutory-register?format=pdf&asOf=2023-07-01");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> csv = carol.download("/app/series/IIJ-SAR-5/statutory-register?format=csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF新株予約権原簿").contains("佐藤花子");
        assertThat(rita.download("/app/series/IIJ-SAR-5/statutory-register?format=csv").statusCode()).isEqualTo(403);
    }
}
