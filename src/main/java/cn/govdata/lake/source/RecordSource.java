package cn.govdata.lake.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.io.input.BoundedInputStream;

import cn.govdata.catalog.DataItem;

/**
 * The rows of a bulk file, read as a stream in constant memory whatever the file's size (XLSX keeps its
 * shared-string table in memory; see {@link XlsxRecordSource}). Columns are matched to the catalog
 * entry's data items by identifier or Chinese name ({@link ItemNames}); values come as raw text, for the
 * {@link RecordValidator} to judge.
 *
 * <p>Push rather than pull: {@link #read} hands each row to a consumer, because the XLSX reader is an
 * event (SAX) parser. A consumer that throws stops the reading, and its exception comes out of
 * {@code read} unchanged.
 */
public interface RecordSource extends AutoCloseable {

    /**
     * Reads the header, then hands every non-empty data row to the consumer in file order. Once per source.
     *
     * @throws RecordSourceException when the file cannot be read, is malformed at a line, or its columns
     *         do not match the data items; rows before a malformed line have been handed over
     */
    void read(Consumer<SourceRecord> consumer);

    /**
     * Headers of the column the platform adds to a file of rejected rows (the reasons): a file sent back with
     * the rows corrected is read with that column ignored.
     */
    java.util.Set<String> NOTE_COLUMNS = java.util.Set.of("未入库原因", "Why it was not loaded");

    /**
     * The file's columns in file order, as read from its header; empty until reading has started. JSON Lines
     * has no header: its columns are the data items by identifier.
     */
    List<FileColumn> columns();

    /** The text encoding the file was read in (detected or as named), or null where the format says its own (XLSX). */
    default String encoding() {
        return null;
    }

    /** How many bytes of the file have been read so far, or -1 where the format cannot say (XLSX). */
    default long bytesRead() {
        return -1;
    }

    /** A stream that counts what is read through it, without a limit. */
    static BoundedInputStream counting(InputStream in) {
        try {
            return BoundedInputStream.builder().setInputStream(in).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases the file. Reading to the end or failing releases it too; closing twice is harmless. */
    @Override
    void close();

    /**
     * A source over a file.
     *
     * @param encoding for CSV, the encoding the department names, or null to detect it; ignored otherwise
     *        (JSON Lines is UTF-8, XLSX says its own)
     */
    static RecordSource open(Path file, SourceFormat format, List<DataItem> items, Charset encoding) {
        ItemNames names = new ItemNames(items);
        if (format == SourceFormat.XLSX) {
            return new XlsxRecordSource(file, names);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw RecordSourceException.unreadable(format, SourceFault.IO, e);
        }
        return format == SourceFormat.CSV ? new CsvRecordSource(in, names, encoding) : new JsonLinesRecordSource(in, names);
    }
}
