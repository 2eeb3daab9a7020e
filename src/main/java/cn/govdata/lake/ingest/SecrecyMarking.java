package cn.govdata.lake.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secrecy marking (密级标志) found in a delivered value: 绝密, 机密 or 秘密 followed by ★ or 级, as in
 * {@code 机密★}, {@code 秘密级} or {@code 绝密★10年}. Classified data is never processed on the platform (SEC-3);
 * a marking is a strong sign of it, so a batch carrying one is held for a person to decide.
 *
 * @param item the data item whose value carries the marking
 * @param marking the marking as written (never the rest of the value, which may be personal)
 */
record SecrecyMarking(String item, String marking) {

    private static final Pattern MARKING = Pattern.compile("(绝密|机密|秘密)\\s*(★|级)");

    /** The first marking among a record's values, if any. */
    static Optional<SecrecyMarking> in(Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getValue() == null) {
                continue;
            }
            Matcher found = MARKING.matcher(value.getValue());
            if (found.find()) {
                return Optional.of(new SecrecyMarking(value.getKey(), found.group()));
            }
        }
        return Optional.empty();
    }
}
