package cn.govdata.lake.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule the records of a catalog entry must meet. Most are derived from the entry's data items
 * ({@link QualityRules#derive}); a department or the data authority adds extension rules: a code list,
 * a range, a pattern, a rule across two items. Rules are built once per schema, so everything costly
 * (code sets, patterns, bounds) is prepared in their constructors; the validator then applies them to
 * millions of rows. Every rule names the item its failures are reported against.
 */
public sealed interface QualityRule permits QualityRule.Required, QualityRule.ValueRule, QualityRule.CrossItemRule {

    /** The item (identifier) this rule's failures are about. */
    String item();

    /** The item must have a value (not blank). */
    record Required(String item) implements QualityRule {
        public Required {
            Objects.requireNonNull(item);
        }
    }

    /**
     * A rule on one item's value. It runs only when the value is present, after the rules before it on the
     * same item passed, so that one bad value gets one failure.
     */
    non-sealed interface ValueRule extends QualityRule {

        /** Whether the value (stripped, not empty) passes; must not allocate or throw when it does. */
        boolean accepts(String value);

        /** Why it does not; called only after {@link #accepts} returned false. */
        Refusal refusal(String value);

        /** Whether the values identify a person, so reasons mask them. */
        default boolean personal() {
            return false;
        }
    }

    /**
     * A rule relating two items of the same record, e.g. the birth date and the ID number. It runs only
     * when both items have values that passed their own rules.
     */
    non-sealed interface CrossItemRule extends QualityRule {

        /** The other item the rule reads. */
        String other();

        /** Why the two values contradict each other, or null when they agree; the validator names the other item. */
        Refusal check(String value, String otherValue);
    }

    /** The value follows a value standard or a code list. */
    record Standard(String item, ValueStandard standard) implements ValueRule {

        @Override
        public boolean accepts(String value) {
            return standard.accepts(value);
        }

        @Override
        public Refusal refusal(String value) {
            return standard.refusal(value);
        }

        @Override
        public boolean personal() {
            return standard.personal();
        }
    }

    /** An extension code list: the value must be one of {@code values}. */
    static Standard codeList(String item, String listName, Set<String> values) {
        return new Standard(item, new CodeList(listName, values));
    }

    /** A number within [min, max]; either bound may be null. Values that are no number are left to {@link TypeRule}. */
    record NumberRange(String item, BigDecimal min, BigDecimal max) implements ValueRule {

        @Override
        public boolean accepts(String value) {
            return refusal(value) == null;
        }

        @Override
        public Refusal refusal(String value) {
            if (TypeRule.digits(value, true) < 0) {
                return null;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException exponentOutOfRange) {
                return new Refusal(ReasonCode.NUMBER_OUT_OF_RANGE);
            }
            if (min != null && number.compareTo(min) < 0) {
                return new Refusal(ReasonCode.NUMBER_BELOW, min.toPlainString());
            }
            if (max != null && number.compareTo(max) > 0) {
                return new Refusal(ReasonCode.NUMBER_ABOVE, max.toPlainString());
            }
            return null;
        }
    }

    /**
     * A date (or the date of a date-time) within [min, max]; either bound may be null. Values that are
     * no date are left to {@link TypeRule}.
     */
    record DateRange(String item, LocalDate min, LocalDate max) implements ValueRule {

        @Override
        public boolean accepts(String value) {
            long day = day(value);
            return day == DateText.INVALID || ((min == null || day >= min.toEpochDay())
                    && (max == null || day <= max.toEpochDay()));
        }

        @Override
        public Refusal refusal(String value) {
            long day = day(value);
            return min != null && day < min.toEpochDay() ? new Refusal(ReasonCode.DATE_BEFORE, min.toString())
                    : new Refusal(ReasonCode.DATE_AFTER, max.toString());
        }

        static long day(String value) {
            long day = DateText.date(value);
            if (day != DateText.INVALID) {
                return day;
            }
            long dateTime = DateText.dateTime(value);
            return dateTime == DateText.INVALID ? DateText.INVALID : DateText.dayOf(dateTime);
        }
    }

    /**
     * The whole value matches a regular expression, compiled once here.
     *
     * @param description what the pattern means, for reasons (e.g. "a six-digit postal code" or 六位邮政编码),
     *        quoted in every language as its author wrote it; the expression itself when null
     */
    record Matches(String item, Pattern pattern, String description) implements ValueRule {

        Matches(String item, String regex, String description) {
            this(item, Pattern.compile(regex), description == null ? regex : description);
        }

        @Override
        public boolean accepts(String value) {
            return pattern.matcher(value).matches();
        }

        @Override
        public Refusal refusal(String value) {
            return new Refusal(ReasonCode.PATTERN, description);
        }
    }

    /** The birth date item equals the birth date inside the ID number (GB 11643). */
    record BirthDateMatchesIdNumber(String item, String other) implements CrossItemRule {

        @Override
        public Refusal check(String birthDate, String idNumber) {
            long day = DateRange.day(birthDate);
            return day == IdNumber.birthDay(idNumber) ? null
                    : new Refusal(ReasonCode.BIRTH_DATE_NOT_ID_NUMBER);
        }
    }

    /**
     * The sex code (GB/T 2261.1: 1 male, 2 female) agrees with the ID number's 17th digit (odd for men);
     * 0 (unknown) and 9 (not stated) agree with anything.
     */
    record SexMatchesIdNumber(String item, String other) implements CrossItemRule {

        @Override
        public Refusal check(String sex, String idNumber) {
            boolean contradicts = ("1".equals(sex) && !IdNumber.male(idNumber)) || ("2".equals(sex) && IdNumber.male(idNumber));
            return contradicts ? new Refusal(ReasonCode.SEX_CONTRADICTS_ID_NUMBER) : null;
        }
    }

    /** A date or date-time item is not before another, e.g. a licence's end and start. */
    record NotBefore(String item, String other) implements CrossItemRule {

        @Override
        public Refusal check(String later, String earlier) {
            long laterSeconds = seconds(later);
            long earlierSeconds = seconds(earlier);
            boolean comparable = laterSeconds != DateText.INVALID && earlierSeconds != DateText.INVALID;
            return comparable && laterSeconds < earlierSeconds
                    ? new Refusal(ReasonCode.BEFORE_ITEM) : null;
        }

        private static long seconds(String value) {
            long day = DateText.date(value);
            return day != DateText.INVALID ? day * 86_400 : DateText.dateTime(value);
        }
    }
}
