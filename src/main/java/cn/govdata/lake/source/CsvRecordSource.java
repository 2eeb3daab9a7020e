package cn.govdata.lake.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.govdata.shared.SpreadsheetCsv;

/**
 * A CSV file (RFC 4180 as Excel writes it: comma, double quotes, CRLF or LF) with a header row, in the
 * encoding {@link TextEncoding} detects or the caller names. Empty lines and rows of empty fields are skipped. A row with fewer
 * fields than the header lacks the rest; a row with values beyond the header is malformed, so no value
 * is dropped unseen. Row numbers count records with the header as 1, as a spreadsheet shows the file;
 * syntax errors are reported at the line where the broken record starts.
 */
final class CsvRecordSource implements RecordSource {

    /** Empty lines are records here, so that row numbers stay those a spreadsheet shows; they are skipped below. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final InputStream in;
    /** Counts the bytes taken from the file (below the buffers), for the batch's progress. */
    private final BoundedInputStream counted;
    private final ItemNames names;
    private final Charset encoding;
    private List<FileColumn> columns = List.of();
    private String readIn;
    /** The line where the record being read starts, for syntax errors. */
    private long line = 1;

    /** @param encoding the encoding the department names, or null to detect it */
    CsvRecordSource(InputStream in, ItemNames names, Charset encoding) {
        this.counted = RecordSource.counting(in);
        this.in = new BufferedInputStream(counted, TextEncoding.PREFIX + 1);
        this.names = names;
        this.encoding = encoding;
    }

    @Override
    public List<FileColumn> columns() {
        return columns;
    }

    @Override
    public String encoding() {
        return readIn;
    }

    @Override
    public long bytesRead() {
        return counted.getCount();
    }

    @Override
    public void read(Consumer<SourceRecord> consumer) {
        try {
            parse(consumer);
        } catch (IOException e) {
            throw fault(e, line);
        }
    }

    /** Reads the next record, if any; Commons CSV's iterator wraps what the lexer or the decoder threw. */
    private static boolean hasNext(Iterator<CSVRecord> records) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void parse(Consumer<SourceRecord> consumer) throws IOException {
        try (InputStream input = in) {
            TextEncoding detected = TextEncoding.of(input, encoding);
            readIn = detected.charset().name();
            input.skipNBytes(detected.byteOrderMark());
            CSVParser parser = FORMAT.parse(new StrictTextReader(input, detected.strictDecoder()));
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(records)) {
                throw RecordSourceException.unreadable(SourceFormat.CSV, SourceFault.NO_HEADER, null);
            }
            List<String> header = records.next().toList();
            String[] items = names.columns(header);
            columns = ItemNames.fileColumns(header, items);
            boolean returned = ItemNames.hasNote(items);
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!hasNext(records)) {
                    return;
                }
                CSVRecord record = records.next();
                if (record.stream().allMatch(String::isBlank)) {
                    continue; // a row of empty fields, as spreadsheets export below the data
                }
                consumer.accept(new SourceRecord(record.getRecordNumber(), values(record, items, line, returned)));
            }
        }
    }

    private static RecordSourceException fault(Throwable e, long line) {
        return switch (e) {
            case StrictTextReader.MalformedText m -> RecordSourceException.malformed(SourceFormat.CSV, m.line(),
                    SourceFault.ENCODING, m);
            case CSVException c -> RecordSourceException.malformed(SourceFormat.CSV, line, SourceFault.CSV_SYNTAX, c);
            default -> RecordSourceException.unreadable(SourceFormat.CSV, SourceFault.IO, e);
        };
    }

    /** @param returned whether the file is rejected rows the platform wrote, sent back: its cells were defused */
    private static Map<String, String> values(CSVRecord record, String[] items, long line, boolean returned) {
        Map<String, String> values = HashMap.newHashMap(items.length);
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            String item = i < items.length ? items[i] : null;
            if (ItemNames.NOTE.equals(item)) {
                continue;
            }
            if (item != null) {
                values.put(item, returned ? SpreadsheetCsv.restored(value) : value);
            } else if (!value.isBlank()) {
                throw RecordSourceException.malformed(SourceFormat.CSV, line, SourceFault.EXTRA_VALUES, null);
            }
        }
        return values;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; the file is released as far as the platform can
        }
    }
}
