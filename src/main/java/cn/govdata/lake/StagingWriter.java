package cn.govdata.lake;

import java.util.List;

/**
 * Writes a batch's accepted records to the dataset's staging table, committing as it goes: staging is
 * outside the dataset, so partial staging is harmless and is discarded when the batch does not apply.
 */
interface StagingWriter extends AutoCloseable {

    /** One accepted record: its row in the file, its record key, and its values in column order. */
    void add(long row, String recordKey, List<String> values);

    /** Writes and commits what is buffered. */
    void flush();

    @Override
    void close();
}
