package cn.govdata.catalog.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.govdata.catalog.DataGrade;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;

/**
 * The Chinese names of the catalog's code lists as the Excel template shows them, and the spellings an
 * uploaded sheet may use for them. Share and open types are named as the policy profile in force names
 * them; every value is also accepted under its API name (e.g. {@code UNCONDITIONAL}).
 */
final class CatalogVocabulary {

    /** The names of one code list: one to write, several to read. */
    static final class Names<E extends Enum<E>> {

        private final Map<E, String> display;
        private final Map<String, E> accepted = new HashMap<>();

        Names(Class<E> type, Map<E, String> display) {
            this.display = new EnumMap<>(display);
            for (E value : type.getEnumConstants()) {
                accept(value.name(), value);
            }
            display.forEach((value, name) -> accept(name, value));
        }

        Names<E> alias(String name, E value) {
            accept(name, value);
            return this;
        }

        private void accept(String name, E value) {
            accepted.putIfAbsent(normalise(name), value);
        }

        /** The name written to a sheet. */
        String of(E value) {
            return value == null ? null : display.getOrDefault(value, value.name());
        }

        /** The value a cell names, or null if it names none. */
        E parse(String text) {
            return text == null ? null : accepted.get(normalise(text));
        }

        /** The names offered in drop-downs and the instructions, in the code list's order. */
        List<String> choices() {
            return new ArrayList<>(display.values());
        }
    }

    private static final Map<OpenType, String> DEFAULT_OPEN_NAMES = Map.of(OpenType.OPEN, "无条件开放",
            OpenType.CONDITIONAL_OPEN, "有条件开放", OpenType.NOT_OPEN, "不予开放");

    static final String YES = "是";
    static final String NO = "否";

    final Names<ResourceFormat> formats;
    final Names<ShareType> shareTypes;
    final Names<OpenType> openTypes;
    final Names<ShareMethod> shareMethods;
    final Names<UpdateCycle> updateCycles;
    final Names<LegalBasis.Kind> basisKinds;
    final Names<DataType> dataTypes;
    final Names<Sensitivity> sensitivities;
    final Names<DataGrade> grades;
    /** The open types this region's rules provide (only 不予开放 where the rules open no data). */
    final List<OpenType> providedOpenTypes;

    CatalogVocabulary(PolicyProfile profile) {
        Map<ResourceFormat, String> formatNames = new EnumMap<>(ResourceFormat.class);
        for (ResourceFormat format : ResourceFormat.values()) {
            formatNames.put(format, format.zh());
        }
        formats = new Names<>(ResourceFormat.class, formatNames);

        Map<ShareType, String> shareNames = new EnumMap<>(ShareType.class);
        for (ShareType type : ShareType.values()) {
            PolicyProfile.Text text = profile.shareTypes().get(type);
            shareNames.put(type, text == null ? type.name() : text.zh());
        }
        shareTypes = new Names<>(ShareType.class, shareNames)
                .alias("无条件共享", ShareType.UNCONDITIONAL).alias("有条件共享", ShareType.CONDITIONAL)
                .alias("不予共享", ShareType.NOT_SHARED);

        Map<OpenType, String> openNames = new EnumMap<>(OpenType.class);
        List<OpenType> provided = new ArrayList<>();
        for (OpenType type : OpenType.values()) {
            PolicyProfile.Text text = profile.openData() == null ? null : profile.openData().types().get(type);
            openNames.put(type, text == null ? DEFAULT_OPEN_NAMES.get(type) : text.zh());
            if (text != null || type == OpenType.NOT_OPEN) {
                provided.add(type);
            }
        }
        Names<OpenType> open = new Names<>(OpenType.class, openNames);
        DEFAULT_OPEN_NAMES.forEach((type, name) -> open.alias(name, type));
        openTypes = open;
        providedOpenTypes = List.copyOf(provided);

        shareMethods = new Names<>(ShareMethod.class, ordered(ShareMethod.class,
                ShareMethod.PLATFORM_TABLE, "共享平台-库表", ShareMethod.PLATFORM_INTERFACE, "共享平台-接口",
                ShareMethod.PLATFORM_FILE, "共享平台-文件", ShareMethod.MAIL, "邮件", ShareMethod.MEDIUM, "介质"))
                .alias("库表", ShareMethod.PLATFORM_TABLE).alias("接口", ShareMethod.PLATFORM_INTERFACE)
                .alias("文件", ShareMethod.PLATFORM_FILE).alias("电子邮件", ShareMethod.MAIL)
                .alias("邮件方式", ShareMethod.MAIL).alias("介质交换", ShareMethod.MEDIUM);
        updateCycles = new Names<>(UpdateCycle.class, ordered(UpdateCycle.class,
                UpdateCycle.REALTIME, "实时", UpdateCycle.DAILY, "每日", UpdateCycle.WEEKLY, "每周",
                UpdateCycle.MONTHLY, "每月", UpdateCycle.QUARTERLY, "每季度", UpdateCycle.HALF_YEARLY, "每半年",
                UpdateCycle.YEARLY, "每年", UpdateCycle.OTHER, "其他"))
                .alias("每天", UpdateCycle.DAILY).alias("每季", UpdateCycle.QUARTERLY).alias("半年", UpdateCycle.HALF_YEARLY)
                .alias("其它", UpdateCycle.OTHER);
        basisKinds = new Names<>(LegalBasis.Kind.class, ordered(LegalBasis.Kind.class,
                LegalBasis.Kind.LAW, "法律", LegalBasis.Kind.REGULATION, "法规", LegalBasis.Kind.RULE, "规章",
                LegalBasis.Kind.CENTRAL_POLICY, "中央政策"))
                .alias("行政法规", LegalBasis.Kind.REGULATION).alias("地方性法规", LegalBasis.Kind.REGULATION)
                .alias("部门规章", LegalBasis.Kind.RULE).alias("地方政府规章", LegalBasis.Kind.RULE)
                .alias("中央政策文件", LegalBasis.Kind.CENTRAL_POLICY);

        Map<DataType, String> typeNames = new EnumMap<>(DataType.class);
        for (DataType type : DataType.values()) {
            typeNames.put(type, type.zh());
        }
        Names<DataType> types = new Names<>(DataType.class, typeNames);
        for (DataType type : DataType.values()) {
            types.alias(type.letter(), type);
        }
        dataTypes = types;
        sensitivities = new Names<>(Sensitivity.class, ordered(Sensitivity.class,
                Sensitivity.NONE, "无", Sensitivity.PERSONAL_INFORMATION, "个人信息",
                Sensitivity.COMMERCIAL_SECRET, "商业秘密", Sensitivity.SENSITIVE_PERSONAL_INFORMATION, "敏感个人信息"));
        Map<DataGrade, String> gradeNames = new EnumMap<>(DataGrade.class);
        for (DataGrade grade : DataGrade.values()) {
            gradeNames.put(grade, grade.label().zh());
        }
        grades = new Names<>(DataGrade.class, gradeNames).alias("一般", DataGrade.GENERAL)
                .alias("重要", DataGrade.IMPORTANT).alias("核心", DataGrade.CORE);
    }

    /** 是 / 否, also Y/N, yes/no, true/false and 1/0; null for anything else. */
    static Boolean parseYesNo(String text) {
        return switch (normalise(text)) {
            case "是", "Y", "YES", "TRUE", "1", "√" -> Boolean.TRUE;
            case "否", "N", "NO", "FALSE", "0", "×" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String yesNo(boolean value) {
        return value ? YES : NO;
    }

    /** Spelling differences that do not change a name: spaces, case, and the kind of dash. */
    static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u3000]", "").replaceAll("[－—–‐]", "-")
                .toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Enum<E>> Map<E, String> ordered(Class<E> type, Object... pairs) {
        Map<E, String> map = new EnumMap<>(type);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((E) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}
