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
            } else if (chinese(c)) {
                chinese = true;
            }
        }
        return chinese && variable;
    }

    /** The cell with every character of two widths half-width: what the fingerprint is computed over. */
    static String canonical(String cell) {
        return written(cell, Form.HALF);
    }

    /** The cell with every character of two widths in the given form (HALF or FULL); the same string if it is. */
    static String written(String cell, Form form) {
        char[] chars = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            char changed = form == Form.HALF && full(c) ? (char) (c - WIDTH_SHIFT)
                    : form == Form.FULL && half(c) ? (char) (c + WIDTH_SHIFT) : c;
            if (changed != c) {
                if (chars == null) {
                    chars = cell.toCharArray();
                }
                chars[i] = changed;
            }
        }
        return chars == null ? cell : new String(chars);
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

    /** The half-width form of a character of two widths, any other character as it is. */
    static char folded(char c) {
        return full(c) ? (char) (c - WIDTH_SHIFT) : c;
    }

    /**
     * A Chinese character: the CJK unified ideographs with extension A, the compatibility ideographs, 〇, and any
     * character outside the basic plane (extensions B and later; a rare name character is the likely one there).
     */
    private static boolean chinese(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
                || c == 0x3007 || Character.isHighSurrogate(c);
    }

    private static boolean half(char c) {
        return c >= 0x21 && c <= 0x7E;
    }

    private static boolean full(char c) {
        return c >= 0xFF01 && c <= 0xFF5E;
    }
}
