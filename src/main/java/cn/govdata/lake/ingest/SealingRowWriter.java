package cn.govdata.lake.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Seals accepted rows a few thousand at a time on the common pool's threads, in their order, then hands them to the
 * writer. Sealing four personal values and a key digest a row is most of a load's work; on one thread it left the
 * other cores idle while that thread also read, checked and wrote the file.
 */
final class SealingRowWriter implements RowWriter {

    private static final int CHUNK = 2048;

    private record Pending(long row, String recordKey, List<String> values) {
    }

    private final RowWriter writer;
    private final UnaryOperator<String> storedKey;
    private final UnaryOperator<List<String>> stored;
    private final List<Pending> pending = new ArrayList<>(CHUNK);

    /**
     * @param storedKey the key as the tables hold it (a digest where the key items are sealed)
     * @param stored the values as the tables hold them (the personal ones sealed)
     */
    SealingRowWriter(RowWriter writer, UnaryOperator<String> storedKey, UnaryOperator<List<String>> stored) {
        this.writer = writer;
        this.storedKey = storedKey;
        this.stored = stored;
    }

    /** One accepted record as read: its key text and its values in the clear. */
    @Override
    public void add(long row, String recordKey, List<String> values) {
        pending.add(new Pending(row, recordKey, values));
        if (pending.size() == CHUNK) {
            write();
        }
    }

    private void write() {
        List<Pending> sealed = pending.parallelStream()
                .map(p -> new Pending(p.row(), storedKey.apply(p.recordKey()), stored.apply(p.values())))
                .toList();
        pending.clear();
        sealed.forEach(p -> writer.add(p.row(), p.recordKey(), p.values()));
    }

    @Override
    public void flush() {
        write();
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
