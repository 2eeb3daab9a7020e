package cn.govdata.lake.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.io.input.BoundedInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON Lines file: UTF-8 (a byte-order mark is skipped), one flat JSON object per line, its keys the
 * items' identifiers or Chinese names. Values are strings, numbers (kept as written, so {@code 12.50}
 * stays {@code 12.50}), booleans, or null (absent). Each line is parsed on its own with Jackson's
 * streaming parser, so a broken line is reported with its number and one object cannot spread over
 * lines; blank lines are skipped. A line longer than 1 MiB is refused before it is held in memory whole.
 * There is no header: a key that names no item is refused, and a missing key is a missing value.
 */
final class JsonLinesRecordSource implements RecordSource {

    static final int MAX_LINE = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final InputStream in;
    /** Counts the bytes taken from the file (below the buffers), for the batch's progress. */
    private final BoundedInputStream counted;
    private final ItemNames names;
    /** Keys as written → item, so each distinct key is matched once per file, not once per line. */
    private final Map<String, String> itemOfKey = new HashMap<>();

    JsonLinesRecordSource(InputStream in, ItemNames names) {
        this.counted = RecordSource.counting(in);
        this.in = new BufferedInputStream(counted, TextEncoding.PREFIX + 1);
        this.names = names;
    }

    @Override
    public long bytesRead() {
        return counted.getCount();
    }

    @Override
    public List<FileColumn> columns() {
        return names.itemColumns();
    }

    @Override
    public String encoding() {
        return "UTF-8";
    }

    @Override
    public void read(Consumer<SourceRecord> consumer) {
        long line = 0;
        try (InputStream input = in) {
            TextEncoding utf8 = TextEncoding.of(input, StandardCharsets.UTF_8);
            input.skipNBytes(utf8.byteOrderMark());
            Reader reader = new java.io.BufferedReader(new StrictTextReader(input, utf8.strictDecoder()), 8192);
            StringBuilder text = new StringBuilder();
            while (true) {
                line++;
                int end = nextLine(reader, text, line);
                if (end < 0) {
                    return;
                }
                if (!text.toString().isBlank()) {
                    consumer.accept(new SourceRecord(line, values(text.toString(), line)));
                }
            }
        } catch (StrictTextReader.MalformedText e) {
            throw RecordSourceException.malformed(SourceFormat.JSON_LINES, e.line(), SourceFault.ENCODING, e);
        } catch (IOException e) {
            throw RecordSourceException.unreadable(SourceFormat.JSON_LINES, SourceFault.IO, e);
        }
    }

    /** Reads one line (without its CR LF or LF) into text; -1 at the end of the file. */
    private static int nextLine(Reader reader, StringBuilder text, long line) throws IOException {
        text.setLength(0);
        int c;
        boolean any = false;
        while ((c = reader.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (text.length() == MAX_LINE) {
                throw RecordSourceException.malformed(SourceFormat.JSON_LINES, line, SourceFault.LINE_TOO_LONG, null);
            }
            text.append((char) c);
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
            text.setLength(text.length() - 1);
        }
        return any ? text.length() : -1;
    }

    private Map<String, String> values(String text, long line) {
        Map<String, String> values = HashMap.newHashMap(names.size());
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(line, SourceFault.NOT_A_FLAT_OBJECT);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                String item = itemOfKey.computeIfAbsent(key, names::itemFor);
                if (item == null) {
                    itemOfKey.remove(key);
                    throw names.unknown(key);
                }
                if (item.equals(ItemNames.NOTE)) {
                    parser.nextToken();
                    parser.skipChildren();
                    continue;
                }
                String value = switch (parser.nextToken()) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString();
                    case VALUE_TRUE -> "true";
                    case VALUE_FALSE -> "false";
                    case VALUE_NULL -> null;
                    default -> throw malformed(line, SourceFault.NOT_A_FLAT_OBJECT);
                };
                if (values.containsKey(item)) {
                    throw malformed(line, SourceFault.DUPLICATE_FIELD);
                }
                values.put(item, value);
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw malformed(line, SourceFault.INVALID_JSON);
            }
        } catch (JacksonException e) {
            throw RecordSourceException.malformed(SourceFormat.JSON_LINES, line, SourceFault.INVALID_JSON, e);
        }
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    private static RecordSourceException malformed(long line, SourceFault fault) {
        return RecordSourceException.malformed(SourceFormat.JSON_LINES, line, fault, null);
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
