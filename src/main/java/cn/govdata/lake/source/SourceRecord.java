package cn.govdata.lake.source;

import java.util.Map;

/**
 * One data row of a bulk file.
 *
 * @param row where it is in the file as the department's editor shows it: the spreadsheet row or CSV
 *        record with the header as row 1, the line of a JSON Lines file
 * @param values item identifier → raw text as in the file (not stripped); items without a column or
 *        with a JSON null are absent
 */
public record SourceRecord(long row, Map<String, String> values) {
}
