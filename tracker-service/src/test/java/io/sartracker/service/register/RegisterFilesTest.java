package io.sartracker.service.register;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF's layout on its own: long tables go on over pages with their header, and no name fails the file. */
class RegisterFilesTest {

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPageAndACharacterWithoutGlyphIsMarked() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("P%03d".formatted(i), i == 7 ? "絵文字 😀 太郎" : "保有者" + i, (long) i * 800));
        }
        StatutoryRegister register = new StatutoryRegister("新株予約権原簿", List.of(new StatutoryRegister.RegisterTable(
                "新株予約権者 Holders", List.of("新株予約権者 Holder", "氏名 Name", "株式の数 Shares"), rows)));

        try (PDDocument pdf = Loader.loadPDF(RegisterFiles.pdf(register))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(pdf)).as("page " + page).contains("株式の数");
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pdf.getNumberOfPages());
            String text = stripper.getText(pdf);
            assertThat(text).contains("絵文字 〓 太郎").contains("P120").contains("96000");
        }
    }
}
