package cn.govdata.catalog;

/**
 * A data item (信息项) of a catalog entry: one column of the data the entry describes.
 *
 * @param name the item's identifier as the providing system names it (letters, digits, underscore)
 * @param chineseName its Chinese name, as shown to people
 * @param type data type as in the national compilation guide
 * @param length maximum length for character data, or total digits for numbers; null where not applicable
 * @param required whether every record must carry a value
 * @param recordKey whether the item identifies a record (one or more items form the key)
 * @param valueStandard the standard or code list values follow, e.g. "GB 11643", or null
 * @param sensitivity whether values are personal information (sensitive or not) or commercial secrets (SEC-4)
 * @param grade the item's grade (SEC-4, GB/T 43697-2024); 一般数据 when the provider names none
 */
public record DataItem(String name, String chineseName, DataType type, Integer length, boolean required,
        boolean recordKey, String valueStandard, Sensitivity sensitivity, DataGrade grade) {

    /** Data types of the national catalog compilation guide, with the letter used in its templates. */
    public enum DataType {
        CHARACTER("C", "字符型"), NUMERIC("N", "数值型"), CURRENCY("Y", "货币型"), DATE("D", "日期型"),
        DATETIME("T", "日期时间型"), LOGICAL("L", "逻辑型"), MEMO("M", "备注型"), GENERAL("G", "通用型"),
        DOUBLE("B", "双精度型"), INTEGER("I", "整型"), FLOAT("F", "浮点型");

        private final String letter;
        private final String zh;

        DataType(String letter, String zh) {
            this.letter = letter;
            this.zh = zh;
        }

        public String letter() {
            return letter;
        }

        public String zh() {
            return zh;
        }
    }

    /**
     * Personal information and its sensitive kind as 《个人信息保护法》第二十八条 defines it (biometrics, religion,
     * health, financial accounts, whereabouts, minors' data…), or commercial secrets.
     */
    public enum Sensitivity {
        NONE, PERSONAL_INFORMATION, COMMERCIAL_SECRET, SENSITIVE_PERSONAL_INFORMATION;

        /** Whether values are personal information, sensitive or not. */
        public boolean personal() {
            return this == PERSONAL_INFORMATION || this == SENSITIVE_PERSONAL_INFORMATION;
        }
    }

    public DataItem {
        sensitivity = sensitivity == null ? Sensitivity.NONE : sensitivity;
        grade = grade == null ? DataGrade.GENERAL : grade;
    }

    /** An item without a grade of its own: 一般数据. */
    public DataItem(String name, String chineseName, DataType type, Integer length, boolean required,
            boolean recordKey, String valueStandard, Sensitivity sensitivity) {
        this(name, chineseName, type, length, required, recordKey, valueStandard, sensitivity, null);
    }
}
