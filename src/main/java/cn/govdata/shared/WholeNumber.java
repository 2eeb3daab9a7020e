package cn.govdata.shared;

import java.util.regex.Pattern;

/**
 * A whole number as the API takes it — an id, a page, a count: ASCII digits, no sign, no leading zero, no
 * spaces. The JDK's and Spring's own parsing also take other scripts' digits ({@code ١٠}, {@code １０}), hex
 * ({@code 0xA}) and signs ({@code +10}), so that one object would answer to many spellings; here each number has
 * exactly one.
 */
public final class WholeNumber {

    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]*");

    private WholeNumber() {
    }

    public static boolean isCanonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    /** @throws NumberFormatException when the text is not a canonical whole number or too large for a long */
    public static long parseLong(String text) {
        return Long.parseLong(requireCanonical(text));
    }

    /** @throws NumberFormatException when the text is not a canonical whole number or too large for an int */
    public static int parseInt(String text) {
        return Integer.parseInt(requireCanonical(text));
    }

    private static String requireCanonical(String text) {
        if (!isCanonical(text)) {
            throw new NumberFormatException("not a whole number in ASCII digits");
        }
        return text;
    }
}
