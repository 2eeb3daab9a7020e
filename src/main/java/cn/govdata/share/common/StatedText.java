package cn.govdata.share.common;

import java.util.List;

import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/** A text a party states — a purpose, a reason, a note: stripped, perhaps required, at most so long. */
public final class StatedText {

    /** The longest purpose, scenario, duty, reason or comment. */
    public static final int MAX = 2000;

    private StatedText() {
    }

    /** The text stripped, or null when blank; what is wrong with it goes to {@code violations}. */
    public static String of(String value, String field, int max, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(Violation.of(field, ProblemCode.FIELD_REQUIRED, FieldName.of(field)));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            violations.add(Violation.of(field, ProblemCode.FIELD_TOO_LONG, FieldName.of(field), max));
        }
        return stripped;
    }
}
