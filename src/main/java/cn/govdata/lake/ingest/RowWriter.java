package cn.govdata.lake.ingest;

import java.util.List;

/**
 * Writes a batch's accepted records to a {@link RowTarget}. A writer that owns its connection (staging)
 * commits as it goes: staging is outside the dataset, so partial staging is harmless and is discarded when
 * the batch does not apply. A writer inside the caller's transaction (a first load written straight into the
 * current table) never commits: the transaction decides.
 */
interface RowWriter extends AutoCloseable {

    /** One accepted record: its row in the file, its record key, and its values in column order. */
    void add(long row, String recordKey, List<String> values);

    /** Sends what is buffered (and commits it, when the writer owns its connection). */
    void flush();

    @Override
    void close();
}
