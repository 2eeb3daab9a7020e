package cn.govdata.open.download;

/**
 * Cells of a CSV file as spreadsheets open them safely (OWASP, CSV injection): a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula by Excel or WPS, so it gets
 * a leading {@code '}. A negative number is prefixed too ({@code '-12.5}): the rule cannot tell a number from a
 * formula such as {@code -1+cmd|…}; the JSON dump carries numbers as numbers.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String safe(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
