package cn.govdata.lake.quality;

import java.util.Set;

import cn.govdata.catalog.DataItem.DataType;

/**
 * The value parses as the item's data type. Text types (character, memo, general) accept anything.
 * Numbers: an optional sign, digits, an optional fraction ({@code 12.50}); floating types (double,
 * float) also an exponent ({@code 1.5E-3}); no thousands separators. Dates and date-times: see
 * {@link DateText}; a date column also accepts a date-time at midnight, as databases export dates.
 * Logical: true/false, t/f, yes/no, y/n, 1/0, 是/否, in any case.
 */
record TypeRule(String item, DataType type) implements QualityRule.ValueRule {

    private static final Set<String> LOGICAL = Set.of("true", "false", "t", "f", "yes", "no", "y", "n", "1", "0", "是", "否");

    /** Whether the type is checked at all. */
    static boolean checks(DataType type) {
        return switch (type) {
            case CHARACTER, MEMO, GENERAL -> false;
            default -> true;
        };
    }

    @Override
    public boolean accepts(String value) {
        return switch (type) {
            case INTEGER -> digits(value, false) >= 0 && value.indexOf('.') < 0;
            case NUMERIC, CURRENCY -> digits(value, false) >= 0;
            case DOUBLE, FLOAT -> digits(value, true) >= 0;
            case DATE -> DateText.date(value) != DateText.INVALID || isMidnight(value);
            case DATETIME -> DateText.dateTime(value) != DateText.INVALID;
            case LOGICAL -> LOGICAL.contains(value) || LOGICAL.contains(value.toLowerCase(java.util.Locale.ROOT));
            case CHARACTER, MEMO, GENERAL -> true;
        };
    }

    @Override
    public Refusal refusal(String value) {
        ReasonCode why = switch (type) {
            case INTEGER -> ReasonCode.TYPE_INTEGER;
            case NUMERIC, CURRENCY -> ReasonCode.TYPE_NUMBER;
            case DOUBLE, FLOAT -> ReasonCode.TYPE_FLOATING;
            case DATE -> ReasonCode.TYPE_DATE;
            case DATETIME -> ReasonCode.TYPE_DATETIME;
            case LOGICAL -> ReasonCode.TYPE_LOGICAL;
            case CHARACTER, MEMO, GENERAL -> throw new IllegalStateException("text is never refused");
        };
        return new Refusal(why);
    }

    private static boolean isMidnight(String value) {
        long dateTime = DateText.dateTime(value);
        return dateTime != DateText.INVALID && DateText.isMidnight(dateTime);
    }

    /**
     * The number of significant digits of a decimal number (leading zeros of the integer part do not
     * count, as in a database column's precision), or -1 when the text is not a number.
     */
    static int digits(String value, boolean exponent) {
        int n = value.length();
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int integerStart = i;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
        }
        int integerEnd = i;
        if (integerEnd == integerStart) {
            return -1;
        }
        int fraction = 0;
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                fraction++;
            }
            if (fraction == 0) {
                return -1;
            }
        }
        if (exponent && i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
            }
            if (i == exponentStart) {
                return -1;
            }
        }
        if (i != n) {
            return -1;
        }
        int leadingZeros = 0;
        while (integerStart + leadingZeros < integerEnd && value.charAt(integerStart + leadingZeros) == '0') {
            leadingZeros++;
        }
        return integerEnd - integerStart - leadingZeros + fraction;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
