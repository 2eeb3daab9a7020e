package cn.govdata.security.trace;

/**
 * The harmless variation the watermark writes into a file: the width of the letters, digits and ASCII symbols in a
 * cell of text for people. Chinese typesetting has both forms of every such character — {@code 幸福路12号} and
 * {@code 幸福路１２号}, {@code 张*} and {@code 张＊} — and they mean the same (Unicode NFKC folds one onto the other),
 * so switching a cell between all half-width and all full-width changes how it looks, slightly, never what it says.
 * A cell qualifies only when it holds a Chinese character: a code, a number, a date or an ID number on its own is left
 * exactly as it is, since software reads those. The form survives re-sorting, dropping columns or rows, a spreadsheet
 * opening and saving the file (CSV or xlsx) and trimming blanks; it does not survive a deliberate half-width
 * conversion (NFKC, WPS's 全角转半角) of the cells, which a tracer must accept (docs/security.md).
 */
final class CellForms {

    /** A half-width character U+0021–U+007E and its full-width form U+FF01–U+FF5E are this far apart. */
    private static final int WIDTH_SHIFT = 0xFEE0;

    private CellForms() {
    }

    /** Which form a cell is written in; MIXED when it has both (edited by hand, or never marked). */
    enum Form {
        HALF, FULL, MIXED
    }

    /** Whether the cell is text for people that has characters with two widths. */
    static boolean markable(String cell) {
        if (cell == null) {
            return false;
        }
        boolean chinese = false;
        boolean variable = false;
        for (int i = 0; i < cell.length() && !(chinese && variable); i++) {
            char c = cell.charAt(i);
            if (half(c) || full(c)) {
                variable = true;
            } else if (c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                chinese = true;
            }
        }
        return chinese && variable;
    }

    /** The cell with every character of two widths half-width: what the fingerprint is computed over. */
    static String canonical(String cell) {
        return written(cell, Form.HALF);
    }

    /** The cell with every character of two widths in the given form (HALF or FULL). */
    static String written(String cell, Form form) {
        char[] chars = cell.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (form == Form.HALF && full(c)) {
                chars[i] = (char) (c - WIDTH_SHIFT);
            } else if (form == Form.FULL && half(c)) {
                chars[i] = (char) (c + WIDTH_SHIFT);
            }
        }
        return new String(chars);
    }

    /** The form a markable cell is written in. */
    static Form formOf(String cell) {
        boolean anyHalf = false;
        boolean anyFull = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            anyHalf |= half(c);
            anyFull |= full(c);
        }
        return anyHalf && anyFull ? Form.MIXED : anyFull ? Form.FULL : Form.HALF;
    }

    private static boolean half(char c) {
        return c >= 0x21 && c <= 0x7E;
    }

    private static boolean full(char c) {
        return c >= 0xFF01 && c <= 0xFF5E;
    }
}
