package cn.govdata.lake.quality;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * The citizen ID number (公民身份号码, GB 11643-1999): six digits of the division where it was issued,
 * the birth date as yyyyMMdd, three digits of sequence (odd for men, even for women) and an ISO 7064
 * MOD 11-2 check character, {@code X} standing for 10. The 15-digit numbers issued before 1999 are
 * recognised but refused with their own rule code: new data must carry the 18-digit number.
 *
 * <p>The region check is lenient on purpose. A number keeps the code of the division that issued it, and
 * many of those divisions have since been merged or renamed (a county becoming a district), so the
 * current GB/T 2260 edition does not know them. The first six digits pass when they are a current
 * division, or when their city ({@code xxxx00}) is; the first two must always be a province. Residence
 * permits of Hong Kong, Macao and Taiwan residents ({@code 810000}, {@code 820000}, {@code 830000}) pass.
 * Without a division list only the province is checked.
 */
public final class IdNumber implements ValueStandard {

    static final String NAME = "GB 11643";

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final long EARLIEST_BIRTH = DateText.epochDay(1900, 1, 1);

    private final Predicate<String> divisions;
    private final long today;

    /**
     * @param divisions whether a six-digit code is a known division, or null to check the province only
     * @param today the day against which birth dates in the future are refused
     */
    IdNumber(Predicate<String> divisions, LocalDate today) {
        this.divisions = divisions;
        this.today = today.toEpochDay();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public boolean accepts(String value) {
        return fault(value) == null;
    }

    @Override
    public Refusal refusal(String value) {
        ReasonCode fault = fault(value);
        if (fault == null) {
            throw new IllegalArgumentException("the value is a valid ID number");
        }
        return new Refusal(fault);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The epoch day of the birth date of a number that this standard accepts. */
    static long birthDay(String valid) {
        return DateText.epochDay(digits(valid, 6, 10), digits(valid, 10, 12), digits(valid, 12, 14));
    }

    /** Whether a number that this standard accepts is a man's (odd 17th digit). */
    static boolean male(String valid) {
        return (valid.charAt(16) - '0') % 2 == 1;
    }

    /** Why the value is no valid ID number (the first rule it breaks), or null when it is one. */
    private ReasonCode fault(String value) {
        int length = value.length();
        if (length == 15 && digitsOnly(value, 15)) {
            return ReasonCode.ID_NUMBER_LEGACY;
        }
        if (length != 18 || !digitsOnly(value, 17)) {
            return ReasonCode.ID_NUMBER_FORMAT;
        }
        char last = value.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            return last == 'x' ? ReasonCode.ID_NUMBER_LOWER_CASE_X : ReasonCode.ID_NUMBER_FORMAT;
        }
        if (checkCharacter(value) != last) {
            return ReasonCode.ID_NUMBER_CHECK_DIGIT;
        }
        int year = digits(value, 6, 10);
        int month = digits(value, 10, 12);
        int day = digits(value, 12, 14);
        if (!DateText.isRealDate(year, month, day)) {
            return ReasonCode.ID_NUMBER_BIRTH_DATE;
        }
        long birth = DateText.epochDay(year, month, day);
        if (birth < EARLIEST_BIRTH || birth > today) {
            return ReasonCode.ID_NUMBER_BIRTH_DATE;
        }
        return knownRegion(value) ? null : ReasonCode.ID_NUMBER_REGION;
    }

    private boolean knownRegion(String value) {
        int province = digits(value, 0, 2);
        boolean permit = (province == 81 || province == 82 || province == 83) && value.startsWith("0000", 2);
        if (permit) {
            return true;
        }
        if (!DivisionCode.isProvince(province)) {
            return false;
        }
        if (divisions == null) {
            return true;
        }
        String region = value.substring(0, 6);
        return divisions.test(region) || divisions.test(value.substring(0, 4) + "00");
    }

    private static boolean digitsOnly(String value, int count) {
        for (int i = 0; i < count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            result = result * 10 + value.charAt(i) - '0';
        }
        return result;
    }
}
