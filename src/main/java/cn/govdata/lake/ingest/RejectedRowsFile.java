package cn.govdata.lake.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import cn.govdata.lake.quality.QualityFailure;
import cn.govdata.lake.source.FileColumn;
import cn.govdata.lake.source.RecordSource;
import cn.govdata.lake.source.SourceRecord;
import cn.govdata.shared.SpreadsheetCsv;

/**
 * The rows a batch rejected as the department sent them — its own column names and values, in file order — with
 * one more column saying why each was not loaded, so that the clerk corrects the rows and sends the file back:
 * the reason column is then ignored ({@link RecordSource#NOTE_COLUMNS}). Written while the batch runs, in the
 * submitter's language; opened at the first rejected row, when the file's header is known. Only the providing
 * department reads it (the values are its own, unmasked); the quality report that others read quotes them masked.
 */
final class RejectedRowsFile implements Closeable {

    private final Path file;
    private final RecordSource source;
    private final Map<String, String> itemLabels;
    private final MessageSource messages;
    private final Locale language;
    private SpreadsheetCsv printer;

    /**
     * @param itemLabels each data item's Chinese name by identifier
     */
    RejectedRowsFile(Path file, RecordSource source, Map<String, String> itemLabels, MessageSource messages,
            Locale language) {
        this.file = file;
        this.source = source;
        this.itemLabels = itemLabels;
        this.messages = messages;
        this.language = language;
    }

    void add(SourceRecord record, List<QualityFailure> failures) {
        List<FileColumn> columns = source.columns();
        try {
            if (printer == null) {
                List<String> header = new ArrayList<>(columns.stream().map(FileColumn::name).toList());
                header.add(messages.getMessage("lake.rejected.column", null, language));
                printer = SpreadsheetCsv.withByteOrderMark(Files.newOutputStream(file), header.toArray(String[]::new));
            }
            List<String> cells = new ArrayList<>(columns.size() + 1);
            for (FileColumn column : columns) {
                cells.add(column.item() == null ? "" : record.values().getOrDefault(column.item(), ""));
            }
            cells.add(why(record.row(), failures));
            printer.printRow(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** E.g. 第3行：公民身份号码：校验码不符（…）；姓名：没有值 */
    private String why(long row, List<QualityFailure> failures) {
        List<String> each = new ArrayList<>(failures.size());
        for (QualityFailure failure : failures) {
            String reason = failure.reason().in(messages, language);
            String label = failure.item() == null ? null : itemLabels.getOrDefault(failure.item(), failure.item());
            each.add(label == null ? reason
                    : messages.getMessage("lake.rejected.item", new Object[] { label, reason }, language));
        }
        String separator = messages.getMessage("lake.rejected.separator", null, language);
        return messages.getMessage("lake.rejected.row", new Object[] { Long.toString(row), String.join(separator, each) },
                language);
    }

    /** Whether any row was rejected (and the file written). */
    boolean written() {
        return printer != null;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
        }
    }
}
