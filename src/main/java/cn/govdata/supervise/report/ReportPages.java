package cn.govdata.supervise.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * A4 pages written top to bottom with the CJK font shipped in the jar (WenQuanYi Micro Hei, Apache-2.0, see
 * {@code fonts/README.md}), embedded as a subset: headings, wrapped paragraphs, table rows and a horizontal bar
 * chart, with a new page whenever the next block would not fit. Characters the font lacks print as "?".
 */
final class ReportPages implements AutoCloseable {

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final TrueTypeCollection collection;
    private final CmapLookup characters;
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;

    ReportPages(String title) throws IOException {
        try (InputStream in = new ClassPathResource("fonts/wqy-microhei.ttc").getInputStream()) {
            collection = new TrueTypeCollection(in);
        }
        List<TrueTypeFont> fonts = new ArrayList<>();
        collection.processAllFonts(fonts::add);
        TrueTypeFont regular = fonts.get(0);
        characters = regular.getUnicodeCmapLookup();
        font = PDType0Font.load(document, regular, true);
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("govdata");
        newPage();
    }

    void heading(String text, float size) throws IOException {
        space(size * 2.2f);
        line(text, MARGIN, size, Color.BLACK);
        y -= size * 0.6f;
    }

    /** A paragraph wrapped to the page width. */
    void paragraph(String text, float size) throws IOException {
        for (String wrapped : wrap(printable(text), size, WIDTH)) {
            space(size * 1.5f);
            line(wrapped, MARGIN, size, Color.BLACK);
        }
        y -= size * 0.5f;
    }

    /** One table row, each cell wrapped to its column (the widths add up to at most {@link #WIDTH}). */
    void row(List<String> cells, float[] widths, float size, boolean header) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            wrapped.add(wrap(printable(cells.get(i)), size, widths[i] - 4));
            lines = Math.max(lines, wrapped.get(i).size());
        }
        for (int line = 0; line < lines; line++) {
            space(size * (line == 0 ? 1.6f : 1.3f));
            if (header) {
                page.setNonStrokingColor(new Color(230, 236, 245));
                page.addRect(MARGIN, y - size * 0.35f, WIDTH, size * 1.4f);
                page.fill();
            }
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                if (line < wrapped.get(i).size()) {
                    line(wrapped.get(i).get(line), x, size, Color.BLACK);
                }
                x += widths[i];
            }
        }
    }

    /** A horizontal bar per label, scaled to {@code max}. */
    void barChart(String caption, List<String> labels, List<Double> values, double max) throws IOException {
        float size = 9;
        float labelWidth = 150;
        float barArea = WIDTH - labelWidth - 40;
        heading(caption, 11);
        for (int i = 0; i < labels.size(); i++) {
            space(size * 1.9f);
            List<String> label = wrap(printable(labels.get(i)), size, labelWidth - 6);
            line(label.isEmpty() ? "" : label.get(0), MARGIN, size, Color.BLACK);
            float length = max <= 0 ? 0 : (float) (barArea * Math.max(0, values.get(i)) / max);
            page.setNonStrokingColor(new Color(64, 120, 192));
            page.addRect(MARGIN + labelWidth, y - 1, Math.max(length, 0.5f), size);
            page.fill();
            line(String.format("%.1f", values.get(i)), MARGIN + labelWidth + length + 4, size, Color.DARK_GRAY);
        }
        y -= size;
    }

    byte[] toBytes() throws IOException {
        page.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            document.close();
        } finally {
            collection.close();
        }
    }

    private void line(String text, float x, float size, Color color) throws IOException {
        page.beginText();
        page.setNonStrokingColor(color);
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    /** Moves down by a line, starting a new page when it would run into the bottom margin. */
    private void space(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
        y -= height;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (characters.getGlyphId(c) > 0) {
                out.appendCodePoint(c);
            } else if (!Character.isISOControl(c)) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String next = current + new String(Character.toChars(c));
            if (width(next, size) > width && current.length() > 0) {
                lines.add(current.toString());
                current = new StringBuilder();
            }
            current.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
