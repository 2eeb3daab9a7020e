package cn.govdata.lake.source;

/** The bulk file formats departments deliver data in. */
public enum SourceFormat {
    /** Comma-separated, header row first; UTF-8 (with or without BOM) or GB18030/GBK. */
    CSV("CSV"),
    /** Excel 2007+ workbook; the first sheet, its first non-empty row the header. */
    XLSX("XLSX"),
    /** One JSON object per line, UTF-8. */
    JSON_LINES("JSON Lines");

    private final String label;

    SourceFormat(String label) {
        this.label = label;
    }

    /** How messages name the format. */
    String label() {
        return label;
    }
}
