package cn.govdata.catalog.sheet;

import java.time.LocalDate;
import java.util.List;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;

/**
 * The catalog's Excel layout, as departments keep the national catalog template: sheet 信息资源 with one
 * row per entry, sheet 信息项 with one row per data item linked to its entry by the 序号 column, and sheet
 * 填写说明 with the instructions. Columns are found by their header, so their order may change; the header
 * is the first row that names the sheet's anchor column (rows above it, such as a title, are ignored).
 */
final class CatalogSheetLayout {

    static final String ENTRY_SHEET = "信息资源";
    static final String ITEM_SHEET = "信息项";
    static final String INSTRUCTIONS_SHEET = "填写说明";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** When a column must be filled. */
    enum Need {
        ALWAYS("必填"), SUBMISSION("提交审核时必填"), CONDITIONAL("视情况必填"), OPTIONAL("选填"), EMPTY("导入时留空");

        final String zh;

        Need(String zh) {
            this.zh = zh;
        }
    }

    /** A column: its header, when it is needed, what goes in it, and its width in characters. */
    interface Column {
        Spec spec();

        default String header() {
            return spec().header();
        }

        default Need need() {
            return spec().need();
        }

        default String help() {
            return spec().help();
        }

        default int width() {
            return spec().width();
        }

        int ordinal();
    }

    /** What describes a column, kept in one record for both sheets' column enums. */
    record Spec(String header, Need need, String help, int width) {
    }

    enum EntryColumn implements Column {
        KEY("序号", Need.ALWAYS, "本表内唯一的行号（数字或文字），信息项表以同一序号关联本条目", 6),
        CODE("资源代码", Need.EMPTY, "导入只新建条目，资源代码由平台按分类赋予；导出时填写。将导出的文件再导入前请清空本列", 20),
        NAME("信息资源名称", Need.ALWAYS, "不超过200字", 28),
        CLASSIFICATION("资源分类代码", Need.ALWAYS,
                "类(1基础/2主题/3部门)+项(2位)+目(3位)+细目(3位)，如 301001；基础和主题信息资源只能由牵头部门导入", 14),
        SUMMARY("信息资源摘要", Need.SUBMISSION, "数据内容和范围，不超过2000字", 40),
        FORMAT("信息资源格式", Need.SUBMISSION, "资源格式的中文名称", 12),
        SUB_FORMAT("格式细类", Need.SUBMISSION, "所选格式下的细类，如 数据库 → PostgreSQL；格式为“其他”时可空", 12),
        RELEASE_DATE("发布日期", Need.OPTIONAL, "日期单元格，或 yyyy-MM-dd 形式的文字", 12),
        RELATED_CODES("关联资源代码", Need.OPTIONAL, "已有条目的资源代码，多个用分号（; 或 ；）分隔", 24),
        SHARE_TYPE("共享类型", Need.SUBMISSION, "按本地区政策规定的共享类型名称填写", 12),
        SHARE_CONDITION("共享条件", Need.CONDITIONAL, "有条件共享时必填：使用要求和条件", 28),
        SHARE_METHOD("共享方式", Need.CONDITIONAL, "不予共享以外必填", 14),
        APPLICANT_MATERIALS("申请材料", Need.CONDITIONAL, "有条件共享时必填：申请方需提交的材料，多个用分号分隔", 28),
        SHARE_BASIS_KIND("共享依据类别", Need.CONDITIONAL, "有条件共享和不予共享时必填：法律、法规、规章或中央政策", 12),
        SHARE_BASIS_TITLE("共享依据名称", Need.CONDITIONAL, "依据的法律法规或文件名称", 24),
        SHARE_BASIS_ARTICLE("共享依据条款", Need.CONDITIONAL, "具体条款，如 第二十五条", 14),
        OPEN_TYPE("开放类型", Need.SUBMISSION, "按本地区政策规定的开放类型名称填写；政策未规定开放数据的地区填“不予开放”", 12),
        OPEN_CONDITION("开放条件", Need.CONDITIONAL, "有条件（依申请、授权）开放时必填", 28),
        OPEN_BASIS_KIND("不予开放依据类别", Need.CONDITIONAL, "不予开放时必填：法律、法规、规章或中央政策", 12),
        OPEN_BASIS_TITLE("不予开放依据名称", Need.CONDITIONAL, "依据的法律法规或文件名称", 24),
        OPEN_BASIS_ARTICLE("不予开放依据条款", Need.CONDITIONAL, "具体条款", 14),
        UPDATE_CYCLE("更新周期", Need.SUBMISSION, "数据更新的频率", 10),
        CLASSIFIED("是否涉密", Need.OPTIONAL, "涉密数据不得编目，填“是”的行不予导入；空白视为否", 10),
        GRADE("数据分级", Need.OPTIONAL, "一般数据、重要数据或核心数据（GB/T 43697-2024）；空白按信息项中最高的分级", 10);

        private final Spec spec;

        EntryColumn(String header, Need need, String help, int width) {
            this.spec = new Spec(header, need, help, width);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    enum ItemColumn implements Column {
        KEY("序号", Need.ALWAYS, "所属信息资源在信息资源表中的序号", 6),
        NAME("信息项名称", Need.SUBMISSION, "提供系统中的字段标识：字母开头，字母、数字、下划线，不超过64位，同一资源内不重复", 18),
        CHINESE_NAME("中文名称", Need.SUBMISSION, "信息项的中文名称", 18),
        TYPE("数据类型", Need.SUBMISSION, "中文名称或模板字母（C/N/Y/D/T/L/M/G/B/I/F）", 12),
        LENGTH("数据长度", Need.CONDITIONAL, "字符型、数值型、货币型、双精度型、浮点型必填：正整数", 10),
        REQUIRED("是否必填", Need.OPTIONAL, "每条记录是否都有值；空白视为否", 10),
        RECORD_KEY("是否主键", Need.OPTIONAL, "是否用于标识一条记录；空白视为否", 10),
        VALUE_STANDARD("值域标准", Need.OPTIONAL, "取值遵循的标准或代码表，如 GB 11643", 16),
        SENSITIVITY("敏感属性", Need.OPTIONAL, "空白视为无", 12),
        GRADE("数据分级", Need.OPTIONAL, "一般数据、重要数据或核心数据（GB/T 43697-2024）；空白视为一般数据", 10);

        private final Spec spec;

        ItemColumn(String header, Need need, String help, int width) {
            this.spec = new Spec(header, need, help, width);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    /**
     * Columns added after departments began keeping the template (SEC-4's grades): a file made from an older template
     * still imports without them, their cells read as blank.
     */
    static final java.util.Set<Column> MAY_BE_ABSENT = java.util.Set.of(EntryColumn.GRADE, ItemColumn.GRADE);

    /** General instructions, shown above the column table of 填写说明. */
    static final List<String> NOTES = List.of(
            "政务数据资源目录导入模板",
            "1. “信息资源”表每行一个目录条目；“信息项”表每行一个信息项，以“序号”列关联所属条目。",
            "2. 列按表头名称识别，顺序可调整；请勿修改表头文字。表头以上的标题行、空行会被忽略。",
            "3. 导入时每行新建一个草稿条目（可选择同时提交审核）。文件中任何一行有误则整个文件不予导入，返回全部错误的位置（工作表!行号 列名）。",
            "4. 单元格可为文字或数字；日期可为日期单元格或 yyyy-MM-dd 文字；多个值用分号（; 或 ；）分隔。",
            "5. 第2行为示例，请替换或删除后再导入。");

    private CatalogSheetLayout() {
    }

    /** The example row of the template: a department resource that passes every rule of any profile. */
    static EntryContent example() {
        return new EntryContent("企业登记信息（示例）", Classification.parse("301001"),
                "本市登记的企业基本信息，包括统一社会信用代码、名称、法定代表人及成立日期，自2010年起。",
                ResourceFormat.DATABASE, "PostgreSQL", LocalDate.of(2026, 1, 15), List.of(), false,
                List.of(new DataItem("credit_code", "统一社会信用代码", DataType.CHARACTER, 18, true, true, "GB 32100",
                        Sensitivity.NONE),
                        new DataItem("org_name", "企业名称", DataType.CHARACTER, 200, true, false, null, Sensitivity.NONE),
                        new DataItem("legal_person", "法定代表人", DataType.CHARACTER, 50, true, false, null,
                                Sensitivity.PERSONAL_INFORMATION),
                        new DataItem("founded_on", "成立日期", DataType.DATE, null, true, false, null, Sensitivity.NONE)),
                ShareType.UNCONDITIONAL, null, ShareMethod.PLATFORM_INTERFACE, List.of(), null, OpenType.NOT_OPEN, null,
                new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第二十五条"), UpdateCycle.DAILY);
    }
}
