package io.sartracker.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register of stock acquisition rights of the reference history (RULES.md 12) with every holder's name and
 * address entered in Japanese, downloaded as CSV, XLSX and PDF: the CSV opens in Excel as Japanese (a byte
 * order mark, CRLF), the workbook read back equals the CSV cell for cell, and the PDF's text holds the names
 * and the figures, its font embedded as a subset.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.load-reference-history=true")
class StatutoryRegisterDownloadTest {
    static final String[] SURNAMES = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林",
            "加藤", "吉田", "山本", "松本", "井上", "木村", "林", "斎藤", "清水"};
    static final String REGISTER = "/series/IIJ-SAR-5/statutory-register?asOf=2023-07-01";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", TrackerTestSupport.freshDataDir("statutory-register")::toString);
    }

    @Autowired
    ObjectMapper json;
    TestRestTemplate alice;
    TestRestTemplate compliance;

    @Autowired
    void signIn(TestRestTemplate anonymous, Environment environment) {
        alice = TrackerTestSupport.asUser(anonymous, environment, "alice", "EQUITY_ADMINISTRATOR");
        compliance = TrackerTestSupport.asUser(anonymous, environment, "carol", "COMPLIANCE");
    }

    @Test
    void theRegisterAsCsvXlsxAndPdfShowsTheJapaneseNamesAndTheFigures() throws Exception {
        List<String> holders = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            holders.add("D%02d".formatted(i));
        }
        for (int i = 1; i <= 11; i++) {
            holders.add("E%02d".formatted(i));
        }
        for (int i = 0; i < holders.size(); i++) {
            enter(holders.get(i), name(i), "東京都千代田区富士見二丁目" + (i + 1) + "番" + (i + 2) + "号");
        }

        ResponseEntity<byte[]> csvAnswer = compliance.getForEntity(REGISTER + "&format=csv", byte[].class);
        assertThat(csvAnswer.getStatusCode().value()).isEqualTo(200);
        assertThat(csvAnswer.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csvAnswer.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("register-IIJ-SAR-5-2023-07-01.csv");
        byte[] csvBytes = csvAnswer.getBody();
        assertThat(new byte[]{csvBytes[0], csvBytes[1], csvBytes[2]}).as("UTF-8 byte order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("新株予約権原簿").endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).as("every line ends with CRLF").doesNotContain("\n");
        assertThat(csv).contains("\r\nD01,山田 一郎,ヤマダ イチロウ,東京都千代田区富士見二丁目1番2号,2015-07-13,D01,DIRECTOR,"
                + "FULLY_EXERCISED,30,0,30,0,0,800,0,\r\n");
        assertThat(csv).contains("\r\nD02,佐藤 二郎,サトウ ジロウ,東京都千代田区富士見二丁目2番3号,2015-07-13,D02,DIRECTOR,"
                + "IN_OFFICE,25,25,0,0,0,800,20000,\r\n");
        assertThat(csv).contains("\r\n2023-06-30,D01,30,800,24000,24000,12000,12000\r\n");
        assertThat(csv).contains("\r\n発行数の上限（個） Maximum rights,230\r\n");
        List<List<String>> csvCells = parseCsv(csv);

        ResponseEntity<byte[]> xlsxAnswer = compliance.getForEntity(REGISTER + "&format=xlsx", byte[].class);
        assertThat(xlsxAnswer.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> xlsxCells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxAnswer.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("新株予約権原簿");
            DataFormatter formatter = new DataFormatter();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                    }
                }
                xlsxCells.add(trimmed(cells));
            }
            assertThat(sheet.getRow(csvCells.indexOf(List.of("発行数の上限（個） Maximum rights", "230"))).getCell(1)
                    .getNumericCellValue()).as("figures are numbers in the workbook").isEqualTo(230.0);
        }
        assertThat(xlsxCells).as("the workbook read back equals the CSV").isEqualTo(csvCells);

        ResponseEntity<byte[]> pdfAnswer = compliance.getForEntity(REGISTER + "&format=pdf", byte[].class);
        assertThat(pdfAnswer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text;
        try (PDDocument pdf = Loader.loadPDF(pdfAnswer.getBody())) {
            text = new PDFTextStripper().getText(pdf);
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.isEmbedded()).as("the font is embedded").isTrue();
            assertThat(font.getName()).as("as a subset (a tag before the name)").matches("[A-Z]{6}\\+IPAGothic");
        }
        String flat = text.replaceAll("\\s", "");
        for (int i = 0; i < holders.size(); i++) {
            assertThat(flat).as("the name of " + holders.get(i)).contains(name(i).replace(" ", ""));
        }
        assertThat(flat).contains("新株予約権原簿").contains("東京都千代田区富士見二丁目1番2号").contains("24000")
                .contains("20000").contains("2015-07-13").contains("2023-06-30").contains("IIJ-SAR-5");

        // kept for a person to look at, as the pages' screenshots are
        Path kept = Files.createDirectories(Path.of("target", "register-downloads"));
        Files.write(kept.resolve("register.csv"), csvBytes);
        Files.write(kept.resolve("register.xlsx"), xlsxAnswer.getBody());
        Files.write(kept.resolve("register.pdf"), pdfAnswer.getBody());
        System.out.printf("Register of the reference history with 18 names: CSV %,d bytes, XLSX %,d bytes, PDF %,d bytes%n",
                csvBytes.length, xlsxAnswer.getBody().length, pdfAnswer.getBody().length);
        // the sizes stay those of a register, not of a whole embedded font (6 MB)
        assertThat(pdfAnswer.getBody().length).isLessThan(500_000);
    }

    static String name(int i) {
        String[] given = {"一郎", "二郎", "三郎", "四郎", "五郎", "六郎", "七郎", "花子", "桜子", "梅子", "菊子",
                "百合子", "直子", "和子", "洋子", "恵子", "京子", "幸子"};
        return SURNAMES[i] + " " + given[i];
    }

    private void enter(String personId, String name, String address) throws Exception {
        String kana = personId.equals("D01") ? "ヤマダ イチロウ" : personId.equals("D02") ? "サトウ ジロウ" : null;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var body = json.createObjectNode().put("nameKanji", name).put("nameKana", kana).put("address", address);
        ResponseEntity<String> answer = alice.exchange("/holders/" + personId + "/directory", HttpMethod.PUT,
                new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    }

    /** RFC 4180 as the register writes it: quoted fields may hold commas, quotes and line breaks. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(trimmed(fields));
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return lines;
    }

    /** A line without its trailing empty cells: an empty cell at the end is no cell in the workbook. */
    static List<String> trimmed(List<String> cells) {
        List<String> copy = new ArrayList<>(cells);
        while (!copy.isEmpty() && copy.get(copy.size() - 1).isEmpty()) {
            copy.remove(copy.size() - 1);
        }
        return copy;
    }
}
