package cn.govdata.open.ckan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Solr's query syntax CKAN clients put in {@code fq} (and in {@code q} as {@code field:value}):
 * clauses {@code field:value}, {@code field:"quoted value"}, {@code field:(a OR b)}, {@code field:*} and
 * ranges {@code field:[from TO to]} with {@code {}} for exclusive bounds, {@code *} for open ones, dates in
 * UTC ISO 8601 (fractional seconds, {@code Z} or an offset, or none) and {@code NOW±n UNIT}; each clause may be
 * required ({@code +}, the default) or excluded ({@code -}). Everything else is refused as a Search Query Error
 * rather than guessed at.
 */
final class FilterQuery {

    /** One clause: a field and either values (any of them), any value ({@code *}), or a range. */
    record Clause(String field, boolean excluded, List<String> values, boolean any, Bound from, Bound to) {

        boolean range() {
            return from != null || to != null;
        }
    }

    /** A bound of a date range: the instant, exact to the microsecond, and whether it is included. */
    record Bound(Instant at, boolean inclusive) {
    }

    private static final Pattern NOW = Pattern.compile("NOW(?:([+-])(\\d{1,6})(YEARS?|MONTHS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?");
    private static final Pattern ZONED = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})");

    private final String text;
    private int pos;

    private FilterQuery(String text) {
        this.text = text;
    }

    static List<Clause> parse(String text) {
        return new FilterQuery(text == null ? "" : text).clauses();
    }

    /** Whether a word of {@code q} is a clause rather than free text. */
    static boolean looksLikeClause(String word) {
        return word.matches("[+-]?[A-Za-z_][A-Za-z0-9_.]*:.+");
    }

    private List<Clause> clauses() {
        List<Clause> clauses = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return clauses;
            }
            if (text.startsWith("AND ", pos) || text.startsWith("&& ", pos)) {
                pos += 3;
                continue;
            }
            if (text.startsWith("*:*", pos)) {
                pos += 3;
                continue;
            }
            boolean excluded = false;
            char sign = text.charAt(pos);
            if (sign == '+' || sign == '-') {
                excluded = sign == '-';
                pos++;
            }
            int colon = text.indexOf(':', pos);
            String field = colon < 0 ? "" : text.substring(pos, colon);
            if (!field.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw CkanError.searchQuery("expected field:value at '" + abbreviated(pos) + "'");
            }
            pos = colon + 1;
            clauses.add(value(field, excluded));
        }
    }

    private Clause value(String field, boolean excluded) {
        if (pos >= text.length()) {
            throw CkanError.searchQuery("no value for " + field);
        }
        char c = text.charAt(pos);
        if (c == '[' || c == '{') {
            int end = closing(pos + 1, ']', '}');
            boolean toInclusive = text.charAt(end) == ']';
            String inner = text.substring(pos + 1, end).strip();
            pos = end + 1;
            String[] bounds = inner.split("\\s+TO\\s+");
            if (bounds.length != 2) {
                throw CkanError.searchQuery("a range is [from TO to]: " + inner);
            }
            return new Clause(field, excluded, List.of(), false, bound(bounds[0], c == '[', true),
                    bound(bounds[1], toInclusive, false));
        }
        if (c == '(') {
            int end = closing(pos + 1, ')', ')');
            String inner = text.substring(pos + 1, end);
            pos = end + 1;
            List<String> values = new ArrayList<>();
            for (String part : inner.split("\\s+OR\\s+")) {
                String v = unquote(part.strip());
                if (v.isEmpty()) {
                    throw CkanError.searchQuery("empty value in (" + inner + ")");
                }
                values.add(v);
            }
            return new Clause(field, excluded, values, false, null, null);
        }
        if (c == '"') {
            int end = pos + 1;
            while (end < text.length() && (text.charAt(end) != '"' || text.charAt(end - 1) == '\\')) {
                end++;
            }
            if (end >= text.length()) {
                throw CkanError.searchQuery("unclosed quote");
            }
            String v = unescape(text.substring(pos + 1, end));
            pos = end + 1;
            return new Clause(field, excluded, List.of(v), false, null, null);
        }
        int end = pos;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String v = unescape(text.substring(pos, end));
        pos = end;
        if (v.equals("*")) {
            return new Clause(field, excluded, List.of(), true, null, null);
        }
        return new Clause(field, excluded, List.of(v), false, null, null);
    }

    private int closing(int from, char a, char b) {
        for (int i = from; i < text.length(); i++) {
            if ((text.charAt(i) == a || text.charAt(i) == b) && text.charAt(i - 1) != '\\') {
                return i;
            }
        }
        throw CkanError.searchQuery("unclosed range or group");
    }

    private static Bound bound(String value, boolean inclusive, boolean lower) {
        String v = unescape(value.strip());
        if (v.equals("*")) {
            return null;
        }
        Instant at = instant(v);
        // stamps are exact to the microsecond: round a finer bound so that the comparison means the same
        Instant floor = at.truncatedTo(ChronoUnit.MICROS);
        Instant ceiling = floor.equals(at) ? at : floor.plus(1, ChronoUnit.MICROS);
        boolean up = lower == inclusive;  // [from: ceiling; {from: floor; to]: floor; to}: ceiling
        return new Bound(up ? ceiling : floor, inclusive);
    }

    static Instant instant(String value) {
        Matcher now = NOW.matcher(value);
        if (now.matches()) {
            OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC);
            if (now.group(1) != null) {
                long amount = Long.parseLong(now.group(2)) * (now.group(1).equals("-") ? -1 : 1);
                String unit = now.group(3).replaceAll("S$", "");
                t = switch (unit) {
                    case "YEAR" -> t.plusYears(amount);
                    case "MONTH" -> t.plusMonths(amount);
                    case "DAY" -> t.plusDays(amount);
                    case "HOUR" -> t.plusHours(amount);
                    case "MINUTE" -> t.plusMinutes(amount);
                    default -> t.plusSeconds(amount);
                };
            }
            return t.toInstant();
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (ZONED.matcher(value).matches()) {
                return OffsetDateTime.parse(value.endsWith("Z") ? value : value.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                        .toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw CkanError.searchQuery("not a date: " + value);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String abbreviated(int from) {
        String rest = text.substring(from);
        return rest.length() > 40 ? rest.substring(0, 40) + "…" : rest;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return unescape(value.substring(1, value.length() - 1));
        }
        return unescape(value);
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
