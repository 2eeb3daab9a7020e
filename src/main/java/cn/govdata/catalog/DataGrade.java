package cn.govdata.catalog;

import cn.govdata.shared.LocalizedText;

/**
 * The grade of data after GB/T 43697-2024 (数据安全技术 数据分类分级规则): 一般数据, 重要数据 and 核心数据, in rising
 * order of the harm a leak would do. What each grade allows is decided in {@link GradeRules}.
 */
public enum DataGrade {
    GENERAL("一般数据", "general data"),
    IMPORTANT("重要数据", "important data"),
    CORE("核心数据", "core data");

    private final LocalizedText label;

    DataGrade(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    /** The grade's name as the standard gives it, in both console languages. */
    public LocalizedText label() {
        return label;
    }

    /** The higher of two grades; null counts as none. */
    public static DataGrade higher(DataGrade a, DataGrade b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
