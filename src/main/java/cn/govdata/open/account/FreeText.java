package cn.govdata.open.account;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Text the public types (names, what data is asked for and why): trimmed, required or not, within a length, and
 * free of control and invisible formatting characters (a right-to-left override can make a text read unlike what
 * it is). Markup is not refused: it is stored and returned as data, and every page shows it as text.
 */
public final class FreeText {

    private FreeText() {
    }

    /** The trimmed text; refused when blank, too long or holding control characters. */
    public static String required(String value, int maxLength, String field) {
        String text = optional(value, maxLength, field);
        if (text == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field." + field));
        }
        return text;
    }

    /** The trimmed text, or null when blank; refused when too long or holding control characters. */
    public static String optional(String value, int maxLength, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, Labels.label("field." + field), maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (!lineBreak && (type == Character.CONTROL || type == Character.FORMAT)) {
                throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field." + field),
                        String.format("U+%04X", (int) c));
            }
        }
        return text;
    }
}
