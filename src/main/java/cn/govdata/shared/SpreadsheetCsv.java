package cn.govdata.shared;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * A CSV file that people open in a spreadsheet (Excel, WPS): every file the platform writes as CSV is written
 * through this. Cells are RFC 4180 (quoted where they hold a comma, a quote or a line break), and a cell that a
 * spreadsheet would take for a formula — one that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return — is defused by OWASP's rule for CSV injection: a single quote {@code '} is put before
 * it and the cell is quoted, so {@code =HYPERLINK(…)} from a login name arrives as the text
 * {@code '=HYPERLINK(…)}. The rule looks at the text only, so a negative number ({@code -12.5}) is written
 * {@code '-12.5} too: a cell cannot tell a formula from data, and a spreadsheet still shows it as the number's
 * text (docs/api.md, CSV files).
 */
public final class SpreadsheetCsv implements Closeable, Flushable {

    private static final CSVFormat PLAIN = CSVFormat.DEFAULT;
    private static final CSVFormat QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final char UTF8_BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;

    private SpreadsheetCsv(Writer out, String... header) throws IOException {
        this.out = out;
        if (header.length > 0) {
            printRow((Object[]) header);
        }
    }

    /**
     * A CSV file on the stream in UTF-8 starting with a byte order mark, without which Excel takes the file
     * for the local code page and garbles the Chinese; then the header row, if any.
     */
    public static SpreadsheetCsv withByteOrderMark(OutputStream out, String... header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(UTF8_BYTE_ORDER_MARK);
        return new SpreadsheetCsv(writer, header);
    }

    /** A CSV file on a writer whose encoding (and byte order mark, if wanted) is set already; then the header. */
    public static SpreadsheetCsv on(Writer out, String... header) throws IOException {
        return new SpreadsheetCsv(out, header);
    }

    /** One row; a null cell is empty, any other value is written as its text. */
    public void printRow(Object... cells) throws IOException {
        printRow(Arrays.asList(cells));
    }

    /** One row; a null cell is empty, any other value is written as its text. */
    public void printRow(Iterable<?> cells) throws IOException {
        boolean first = true;
        for (Object cell : cells) {
            if (startsLikeAFormula(cell)) {
                QUOTED.print("'" + cell, out, first);
            } else {
                PLAIN.print(cell, out, first);
            }
            first = false;
        }
        PLAIN.println(out);
    }

    /**
     * The cell as a spreadsheet shows it safely, for a writer of its own (another separator, say): a cell that starts
     * like a formula behind a single quote, any other as it is.
     */
    public static Object defused(Object cell) {
        return startsLikeAFormula(cell) ? "'" + cell : cell;
    }

    /**
     * The cell as it was before {@link #defused}: what a file the platform wrote held when it is read back (rejected
     * rows sent back, an exported file traced). Only for files known to be the platform's own: a text that really
     * starts with a quote would lose it.
     */
    public static String restored(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    /** Whether a spreadsheet would evaluate the cell rather than show it (OWASP, CSV injection). */
    static boolean startsLikeAFormula(Object cell) {
        if (cell == null) {
            return false;
        }
        String text = cell.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
