package cn.govdata.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A request parameter that takes several values: repeated ({@code ?type=A&type=B}), separated by commas
 * ({@code ?type=A,B}), or both. Blank parts are skipped and repeats kept once; a value the parser refuses is a
 * problem naming the parameter and what it allows.
 */
public final class ListParameter {

    /** Thrown by a value parser to refuse a value; the message says what is allowed. */
    public static final class Refused extends RuntimeException {

        public Refused(String allowed) {
            super(allowed, null, false, false);
        }
    }

    private ListParameter() {
    }

    /** The parameter's values as texts. */
    public static List<String> values(List<String> values) {
        return parse("", values, Function.identity());
    }

    /** The parameter's values as texts, from one comma-separated value. */
    public static List<String> values(String value) {
        return value == null ? List.of() : values(List.of(value));
    }

    /**
     * The parameter's values, each turned into a {@code T} by the parser, which refuses a value by throwing
     * {@link Refused}.
     */
    public static <T> List<T> parse(String parameter, List<String> values, Function<String, T> parser) {
        List<T> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String trimmed = part.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    T result = parser.apply(trimmed);
                    if (!parsed.contains(result)) {
                        parsed.add(result);
                    }
                } catch (Refused e) {
                    throw new DomainException(ProblemCode.INVALID_VALUE, parameter,
                            abbreviate(trimmed) + " (" + e.getMessage() + ")");
                }
            }
        }
        return parsed;
    }

    /** The parameter's values as constants of an enum, by name in any case. */
    public static <E extends Enum<E>> List<E> enums(String parameter, List<String> values, Class<E> type) {
        return parse(parameter, values, value -> constant(type, value));
    }

    /** One constant of an enum by its name in any case (never by its position). */
    public static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
