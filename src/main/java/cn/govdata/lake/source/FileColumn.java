package cn.govdata.lake.source;

/**
 * A column of a bulk file as the department sent it.
 *
 * @param name its header as written in the file
 * @param item the identifier of the data item it names; null for a column with a blank header or for the
 *        platform's own note column ({@link RecordSource#NOTE_COLUMNS}), whose values are not data
 */
public record FileColumn(String name, String item) {
}
