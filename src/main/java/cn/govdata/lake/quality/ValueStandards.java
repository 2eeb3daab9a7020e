package cn.govdata.lake.quality;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the checker for the free text a catalog item gives as its value standard. Departments write the
 * same standard many ways ({@code GB 11643}, {@code gb11643-1999}, {@code GB/T 2260—2007},
 * {@code GB／T 2261.1}), so the text is compared without case, blanks or a trailing edition year. Built
 * in: GB 11643 (ID number), GB 32100 (credit code), GB/T 2260 (division code), GB/T 2261.1 (sex code),
 * GB/T 3304 (ethnic group code), and mobile numbers and e-mail addresses under a few common names. The
 * authority adds code lists with {@link #withCodeList}.
 *
 * <p>Built per validation batch: it holds the day birth dates are compared with.
 */
public final class ValueStandards {

    private static final Pattern EDITION = Pattern.compile("[-–—]((19|20)\\d{2})$");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u3000]+");

    private final Map<String, ValueStandard> byName;

    /**
     * @param divisions whether a six-digit code is a current division (e.g. {@code directory::isDivisionCode});
     *        null checks division codes and ID-number regions by format and province only
     * @param today the day against which future birth dates are refused
     */
    public ValueStandards(Predicate<String> divisions, LocalDate today) {
        Map<String, ValueStandard> standards = new HashMap<>();
        add(standards, new IdNumber(divisions, today), "GB 11643", "公民身份号码", "身份证号码");
        add(standards, new CreditCodeStandard(), "GB 32100", "统一社会信用代码");
        add(standards, new DivisionCode(divisions), "GB/T 2260", "GB 2260", "行政区划代码");
        add(standards, CodeList.SEX, "GB/T 2261.1", "GB 2261.1");
        add(standards, CodeList.ETHNIC_GROUP, "GB/T 3304", "GB 3304");
        add(standards, new MobileNumber(), "mobile", "mobile number", "手机号码", "移动电话号码");
        add(standards, new EmailAddress(), "email", "e-mail", "e-mail address", "RFC 5322", "电子邮箱", "电子邮件地址");
        this.byName = Map.copyOf(standards);
    }

    private ValueStandards(Map<String, ValueStandard> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The checker for a catalog item's value standard text, if the platform knows that standard. */
    Optional<ValueStandard> find(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(byName.get(key(text)));
    }

    /** A registry that also knows a code list, under its name and the given aliases. */
    ValueStandards withCodeList(CodeList list, String... aliases) {
        Map<String, ValueStandard> standards = new HashMap<>(byName);
        add(standards, list, list.name());
        add(standards, list, aliases);
        return new ValueStandards(standards);
    }

    /** The comparison key of a standard's name: upper case, no blanks, ASCII slash, no edition year. */
    static String key(String text) {
        String key = BLANKS.matcher(text.strip()).replaceAll("").replace('／', '/').toUpperCase(Locale.ROOT);
        return EDITION.matcher(key).replaceFirst("");
    }

    private static void add(Map<String, ValueStandard> into, ValueStandard standard, String... names) {
        for (String name : List.of(names)) {
            into.put(key(name), standard);
        }
    }
}
