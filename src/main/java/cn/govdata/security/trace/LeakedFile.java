package cn.govdata.security.trace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.xml.sax.InputSource;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import cn.govdata.security.trace.CellForms.Form;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.SpreadsheetCsv;

/**
 * A file handed in for tracing, reduced to what the watermark left in it: each distinct marked value (canonical text)
 * with the form it is written in. A header row (the first of each sheet) carries no mark and is skipped; a value
 * found in both forms (edited by hand) or in a mixed form tells nothing and is left out. Reads CSV — UTF-8 with or
 * without a byte order mark, or GB18030 as a spreadsheet on a Chinese Windows saves it — TSV, .xlsx, and JSON (one
 * document, or JSON Lines: every string value, whatever the keys), whatever the columns and their order.
 */
final class LeakedFile {

    enum Kind {
        CSV, TSV, XLSX, JSON
    }

    /** One marked value and the form the file writes it in. */
    record MarkedValue(String canonical, Form form) {
    }

    /** Beyond this many distinct marked values the verdict is settled; the rest of the file is not read. */
    static final int MAX_VALUES = 200_000;

    private final Map<String, Form> forms = new LinkedHashMap<>();

    private LeakedFile() {
    }

    /** The kind of file by its name's extension, else its declared media type; null when neither names one. */
    static Kind kindOf(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        switch (extension) {
            case "csv", "txt" -> {
                return Kind.CSV;
            }
            case "tsv" -> {
                return Kind.TSV;
            }
            case "xlsx" -> {
                return Kind.XLSX;
            }
            case "json", "jsonl", "ndjson" -> {
                return Kind.JSON;
            }
            case "" -> {
                String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
                if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
                    return Kind.CSV;
                }
                if (type.startsWith("text/tab-separated-values")) {
                    return Kind.TSV;
                }
                if (type.startsWith("application/json") || type.startsWith("application/x-ndjson")) {
                    return Kind.JSON;
                }
                return type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        ? Kind.XLSX : null;
            }
            default -> {
                return null;
            }
        }
    }

    static LeakedFile read(Kind kind, byte[] content) {
        LeakedFile file = new LeakedFile();
        switch (kind) {
            case CSV -> file.readCsv(content, CSVFormat.DEFAULT);
            case TSV -> file.readCsv(content, CSVFormat.TDF);
            case XLSX -> file.readXlsx(content);
            case JSON -> file.readJson(content);
        }
        return file;
    }

    /** The marked values, in the order first met. */
    List<MarkedValue> values() {
        List<MarkedValue> values = new ArrayList<>(forms.size());
        forms.forEach((canonical, form) -> {
            if (form != Form.MIXED) {
                values.add(new MarkedValue(canonical, form));
            }
        });
        return values;
    }

    private void add(String cell) {
        if (forms.size() >= MAX_VALUES || !CellForms.markable(cell)) {
            return;
        }
        String value = SpreadsheetCsv.restored(cell.strip());
        Form form = CellForms.formOf(value);
        forms.merge(CellForms.canonical(value), form, (seen, now) -> seen == now ? seen : Form.MIXED);
    }

    private void readCsv(byte[] content, CSVFormat format) {
        String text = text(content, "CSV");
        try (CSVParser parser = format.parse(new StringReader(text))) {
            boolean header = true;
            for (CSVRecord row : parser) {
                if (!header) {
                    row.forEach(this::add);
                }
                header = false;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DomainException(ProblemCode.DATA_FILE_MALFORMED, "CSV", "?",
                    new DefaultMessageSourceResolvable(new String[] { "security.trace.csv-malformed" }, null,
                            "security.trace.csv-malformed"));
        }
    }

    /** Every string value of a JSON document or of JSON Lines, in any nesting; keys are names, not values. */
    private void readJson(byte[] content) {
        String text = text(content, "JSON");
        try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    add(parser.getString());
                }
            }
        } catch (JacksonException e) {
            throw new DomainException(ProblemCode.DATA_FILE_MALFORMED, "JSON", "?",
                    new DefaultMessageSourceResolvable(new String[] { "security.trace.json-malformed" }, null,
                            "security.trace.json-malformed"));
        }
    }

    /** A text file's content, refused when it holds a NUL byte (no text file does). */
    private static String text(byte[] content, String kind) {
        for (byte b : content) {
            if (b == 0) {
                throw unreadable(kind, "security.trace.not-text");
            }
        }
        return decoded(content);
    }

    /** UTF-8 (a byte order mark dropped) when the bytes are UTF-8, else GB18030, which every byte sequence decodes. */
    private static String decoded(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private void readXlsx(byte[] content) {
        if (FileMagic.valueOf(content) != FileMagic.OOXML) {
            throw unreadable("xlsx", "security.trace.not-xlsx");
        }
        try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable() == null ? new StylesTable() : reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    var parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Cells(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable("xlsx", "security.trace.not-xlsx");
        }
    }

    /** Every cell below a sheet's first row. */
    private final class Cells implements SheetContentsHandler {

        private boolean header = true;

        @Override
        public void startRow(int rowNum) {
        }

        @Override
        public void endRow(int rowNum) {
            header = false;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (!header) {
                add(value);
            }
        }
    }

    private static DomainException unreadable(String kind, String reason) {
        return new DomainException(ProblemCode.DATA_FILE_UNREADABLE, kind,
                new DefaultMessageSourceResolvable(new String[] { reason }, null, reason));
    }
}
