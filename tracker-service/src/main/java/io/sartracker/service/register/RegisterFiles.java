package io.sartracker.service.register;

import io.sartracker.service.web.Csv;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A register or a report (a {@link TabularDocument}) as files: CSV that Excel opens in Japanese (UTF-8 with a
 * byte order mark, CRLF), an Excel workbook with the same lines, and a PDF in Japanese with IPAGothic
 * embedded as a subset (the font ships in the jar, {@code /fonts/ipag.ttf}, under the IPA Font License v1.0 beside it).
 */
public final class RegisterFiles {
    private static final String FONT = "/fonts/ipag.ttf";
    /** Put for a character the font has no glyph for (the geta mark, the printer's sign for a missing kanji). */
    private static final String NO_GLYPH = "〓";
    private static final byte[] FONT_BYTES = fontBytes();

    private RegisterFiles() {
    }

    public static byte[] csv(TabularDocument register) {
        return Csv.forExcel(Csv.rows(register.lines()));
    }

    /** One sheet holding the CSV's lines, cell for cell; figures are numbers, dates and names text. */
    public static byte[] xlsx(TabularDocument register) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("新株予約権原簿");
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            Set<Integer> headings = headingLines(register);
            List<List<Object>> lines = register.lines();
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> line = lines.get(r);
                for (int c = 0; c < line.size(); c++) {
                    Object value = line.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value == null ? "" : value.toString());
                    }
                    if (headings.contains(r)) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.setColumnWidth(0, 48 * 256);
            for (int c = 1; c < 16; c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The title, each section's heading and each table's column names: the lines set in bold. */
    private static Set<Integer> headingLines(TabularDocument register) {
        Set<Integer> headings = new HashSet<>();
        int line = 0;
        headings.add(line);
        for (StatutoryRegister.RegisterTable section : register.sections()) {
            line += 2;
            headings.add(line);
            if (!section.header().isEmpty()) {
                headings.add(++line);
            }
            line += section.rows().size();
        }
        return headings;
    }

    public static byte[] pdf(TabularDocument register) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream in = new ByteArrayInputStream(FONT_BYTES)) {
                font = PDType0Font.load(document, in, true);
            }
            new PdfLayout(document, font).write(register);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fontBytes() {
        try (InputStream in = RegisterFiles.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the register's font " + FONT + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays the register's tables out on landscape A4 pages, wrapping cells and repeating a table's header. */
    private static final class PdfLayout {
        private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private static final float MARGIN = 28;
        private static final float SIZE = 7;
        private static final float TITLE_SIZE = 12;
        private static final float LEADING = SIZE * 1.35f;
        private static final float PAD = 2;
        private static final float HEADER_WIDTH = 44;

        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        PdfLayout(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void write(TabularDocument register) throws IOException {
            newPage();
            text(register.title(), MARGIN, y - TITLE_SIZE, TITLE_SIZE);
            y -= TITLE_SIZE * 2;
            for (StatutoryRegister.RegisterTable section : register.sections()) {
                table(section);
            }
            content.close();
        }

        private void table(StatutoryRegister.RegisterTable section) throws IOException {
            float[] widths = widths(section);
            if (y - LEADING * 4 < MARGIN) {
                newPage();
            }
            y -= LEADING;
            text(section.heading(), MARGIN, y - SIZE, SIZE + 2);
            y -= LEADING * 1.5f;
            if (!section.header().isEmpty()) {
                row(new ArrayList<>(section.header()), widths);
            }
            for (List<Object> row : section.rows()) {
                if (!fits(row, widths)) {
                    newPage();
                    if (!section.header().isEmpty()) {
                        row(new ArrayList<>(section.header()), widths);
                    }
                }
                row(row, widths);
            }
        }

        /**
         * Column widths from their widest cell (a column name counts up to {@value #HEADER_WIDTH} points and
         * wraps beyond, so that the data sets the widths), shrunk to the page when together they are wider.
         */
        private float[] widths(StatutoryRegister.RegisterTable section) throws IOException {
            int columns = section.header().isEmpty() ? 2 : section.header().size();
            float[] widths = new float[columns];
            for (int c = 0; c < columns && c < section.header().size(); c++) {
                widths[c] = Math.min(width(section.header().get(c)), HEADER_WIDTH) + 2 * PAD;
            }
            for (List<?> row : section.rows()) {
                for (int c = 0; c < Math.min(columns, row.size()); c++) {
                    widths[c] = Math.max(widths[c], Math.min(width(cell(row.get(c))) + 2 * PAD, 220));
                }
            }
            float available = PAGE.getWidth() - 2 * MARGIN;
            float total = 0;
            for (float w : widths) {
                total += w;
            }
            if (total > available) {
                for (int c = 0; c < columns; c++) {
                    widths[c] = widths[c] * available / total;
                }
            }
            return widths;
        }

        private boolean fits(List<?> row, float[] widths) throws IOException {
            return y - height(row, widths) >= MARGIN;
        }

        private float height(List<?> row, float[] widths) throws IOException {
            int lines = 1;
            for (int c = 0; c < Math.min(row.size(), widths.length); c++) {
                lines = Math.max(lines, wrap(cell(row.get(c)), widths[c] - 2 * PAD).size());
            }
            return lines * LEADING + 2 * PAD;
        }

        private void row(List<?> row, float[] widths) throws IOException {
            float height = height(row, widths);
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                content.addRect(x, y - height, widths[c], height);
                if (c < row.size()) {
                    float lineY = y - PAD - SIZE;
                    for (String line : wrap(cell(row.get(c)), widths[c] - 2 * PAD)) {
                        text(line, x + PAD, lineY, SIZE);
                        lineY -= LEADING;
                    }
                }
                x += widths[c];
            }
            content.setLineWidth(0.3f);
            content.stroke();
            y -= height;
        }

        private List<String> wrap(String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                String next = line + new String(Character.toChars(codePoint));
                if (line.length() > 0 && width(next) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(codePoint);
                i += Character.charCount(codePoint);
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String text) throws IOException {
            return font.getStringWidth(printable(text)) / 1000 * SIZE;
        }

        private void text(String text, float x, float baseline, float size) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(printable(text));
            content.endText();
        }

        /** The text with every character the font cannot draw replaced, so that no name fails the download. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(codePoint -> out.append(glyphs.computeIfAbsent(codePoint, this::drawable)
                    ? new String(Character.toChars(codePoint)) : NO_GLYPH));
            return out.toString();
        }

        private boolean drawable(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return !Character.isISOControl(codePoint);
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private static String cell(Object value) {
            return value == null ? "" : value.toString();
        }
    }
}
