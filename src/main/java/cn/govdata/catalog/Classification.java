package cn.govdata.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Where an entry sits in the catalog's 类-项-目-细目 levels (GB/T 21063.3): the category (base, thematic or
 * department resources), the subject (项, two digits), and optionally the 目 and 细目 (three digits each).
 * Its code is the front segment of the resource code.
 *
 * @param category 类
 * @param item 项: for base and thematic resources one of the subjects listed here
 * @param target 目, or null
 * @param detail 细目, or null (only with a 目)
 */
public record Classification(Category category, String item, String target, String detail) {

    public enum Category {
        BASE("1"), THEMATIC("2"), DEPARTMENT("3");

        private final String digit;

        Category(String digit) {
            this.digit = digit;
        }

        public String digit() {
            return digit;
        }
    }

    /** Subject name in Chinese and English. */
    public record Subject(String zh, String en) {
    }

    /** The base resources of CAT-7 (基础信息资源). */
    public static final Map<String, Subject> BASE_SUBJECTS = subjects(
            "01", "人口", "Population",
            "02", "法人单位", "Legal entities",
            "03", "自然资源和空间地理", "Natural resources and spatial geography",
            "04", "社会信用", "Social credit",
            "05", "电子证照", "Electronic licences and certificates",
            "06", "城市部件", "Urban components");

    /** The thematic resources of CAT-7 (主题信息资源). */
    public static final Map<String, Subject> THEMATIC_SUBJECTS = subjects(
            "01", "健康保障", "Health security",
            "02", "社会保障", "Social security",
            "03", "食品药品安全", "Food and drug safety",
            "04", "安全生产", "Work safety",
            "05", "价格监管", "Price supervision",
            "06", "能源安全", "Energy security",
            "07", "信用体系", "Credit system",
            "08", "城乡建设", "Urban and rural construction",
            "09", "社区治理", "Community governance",
            "10", "生态环保", "Ecology and environmental protection",
            "11", "应急维稳", "Emergency response and stability");

    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");

    public Classification {
        if (category == null) {
            throw invalid("category is required");
        }
        if (item == null || !TWO_DIGITS.matcher(item).matches()) {
            throw invalid("the subject (项) is two digits");
        }
        if (category == Category.BASE && !BASE_SUBJECTS.containsKey(item)) {
            throw invalid("unknown base resource subject " + item);
        }
        if (category == Category.THEMATIC && !THEMATIC_SUBJECTS.containsKey(item)) {
            throw invalid("unknown thematic resource subject " + item);
        }
        target = blankToNull(target);
        detail = blankToNull(detail);
        if (target != null && !THREE_DIGITS.matcher(target).matches()) {
            throw invalid("the 目 level is three digits");
        }
        if (detail != null && (target == null || !THREE_DIGITS.matcher(detail).matches())) {
            throw invalid("the 细目 level is three digits and needs a 目");
        }
    }

    /** The classification code: category digit, subject, 目 and 细目 as far as given, e.g. {@code 101002}. */
    public String code() {
        return category.digit() + item + (target == null ? "" : target) + (detail == null ? "" : detail);
    }

    /** Category and subject, e.g. {@code 101}: the unit a lead department is designated for (CAT-7). */
    public String subjectCode() {
        return category.digit() + item;
    }

    /** Base and thematic resources are kept by a lead department; department resources by their owner. */
    public boolean needsLeadDepartment() {
        return category != Category.DEPARTMENT;
    }

    /** Parses a classification code as written in the Excel template. */
    public static Classification parse(String code) {
        String value = code == null ? "" : code.strip();
        if (!value.matches("[123]\\d{2}(\\d{3}(\\d{3})?)?")) {
            throw invalid("classification code " + value);
        }
        Category category = switch (value.charAt(0)) {
            case '1' -> Category.BASE;
            case '2' -> Category.THEMATIC;
            default -> Category.DEPARTMENT;
        };
        return new Classification(category, value.substring(1, 3), value.length() >= 6 ? value.substring(3, 6) : null,
                value.length() == 9 ? value.substring(6, 9) : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static DomainException invalid(String detail) {
        return new DomainException(ProblemCode.INVALID_CLASSIFICATION, detail);
    }

    private static Map<String, Subject> subjects(String... triples) {
        Map<String, Subject> map = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put(triples[i], new Subject(triples[i + 1], triples[i + 2]));
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
