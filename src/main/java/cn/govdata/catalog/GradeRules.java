package cn.govdata.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.MaskingRule;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * What a grade allows (SEC-4): the one place that says which data may be shared or opened unconditionally, opened
 * at all, exported in bulk or pushed, and how an item is masked when a grant or an open rule names nothing more
 * specific. The catalog checks entries against it, sharing and opening ask it before data leaves.
 *
 * <ul>
 * <li>核心数据 is under the strictest management (《数据安全法》第二十一条): never shared unconditionally, never
 * opened, and never leaves in bulk (exchange, push, open download) — only as individual records under a grant a
 * person approved.</li>
 * <li>重要数据 is under key protection (《数据安全法》第二十一条; GB/T 43697-2024): never unconditionally shared or
 * opened, so every use is decided by someone (阿坝州办法第三十九条, 分类分级安全防护); it leaves in bulk only under a
 * grant a person approved, never by the implicit grant of unconditional data, and is never downloaded from the
 * open portal.</li>
 * <li>一般数据 follows the catalog's share and open types as before.</li>
 * </ul>
 * Masking by default: important and core items are masked whole; sensitive personal information
 * (《个人信息保护法》第二十八条) is masked whole; other personal information keeps only what the usual rule keeps
 * (a surname, an ID number's region); everything else as sharing has always suggested.
 */
public final class GradeRules {

    /** A way data can leave the platform that its grade may forbid. */
    public enum Use {
        /** shared with every department without an application (无条件共享) */
        UNCONDITIONAL_SHARE("无条件共享", "be shared unconditionally"),
        /** opened to the public without conditions (无条件开放) */
        UNCONDITIONAL_OPEN("无条件开放", "be opened unconditionally"),
        /** opened to the public at all, also on conditions */
        OPEN("向社会开放", "be opened to the public"),
        /** delivered whole to a consumer: exchange (数据交换) */
        BULK_EXPORT("批量导出（数据交换）", "leave by bulk export (exchange)"),
        /** changes pushed to a subscriber (主动推送) */
        PUSH("主动推送", "be pushed to subscribers"),
        /** downloaded whole from the open data portal */
        OPEN_DOWNLOAD("从开放门户批量下载", "be downloaded in bulk from the open portal");

        private final LocalizedText label;

        Use(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }

        public LocalizedText label() {
            return label;
        }
    }

    private static final LocalizedText BASIS = new LocalizedText(
            "《数据安全法》第二十一条、GB/T 43697-2024", "Data Security Law art. 21, GB/T 43697-2024");
    private static final LocalizedText NEEDS_APPROVAL = new LocalizedText(
            "仅可在经审批的授权下进行", "only under a grant someone approved");

    private GradeRules() {
    }

    /**
     * The grade of an entry whose provider names none: the highest of its items' grades, so an entry of general
     * items (personal information included: GB/T 43697-2024 grades it 一般数据 unless its scale makes it
     * important, which only the provider can judge) is 一般数据.
     */
    public static DataGrade derived(List<DataItem> items) {
        DataGrade grade = DataGrade.GENERAL;
        for (DataItem item : items) {
            grade = DataGrade.higher(grade, item.grade());
        }
        return grade;
    }

    /**
     * Whether data of a grade may leave by a use.
     *
     * @param approved whether the use falls under a grant a person approved (not the implicit grant of
     *        unconditional data)
     * @return why not, in both languages, or empty when it may
     */
    public static Optional<LocalizedText> refusal(DataGrade grade, Use use, boolean approved) {
        boolean allowed = switch (grade) {
            case GENERAL -> true;
            case IMPORTANT -> switch (use) {
                case UNCONDITIONAL_SHARE, UNCONDITIONAL_OPEN, OPEN_DOWNLOAD -> false;
                case BULK_EXPORT, PUSH -> approved;
                case OPEN -> true;
            };
            case CORE -> false;
        };
        if (allowed) {
            return Optional.empty();
        }
        boolean approvalWouldDo = grade == DataGrade.IMPORTANT && (use == Use.BULK_EXPORT || use == Use.PUSH);
        return Optional.of(new LocalizedText(
                grade.label().zh() + "不得" + use.label().zh() + (approvalWouldDo ? "，" + NEEDS_APPROVAL.zh() : "")
                        + "（" + BASIS.zh() + "）",
                grade.label().en() + " may not " + use.label().en() + (approvalWouldDo ? ", " + NEEDS_APPROVAL.en()
                        : "") + " (" + BASIS.en() + ")"));
    }

    /** What an entry's grades break: share and open types its grade forbids, items graded above their entry. */
    public static List<Violation> check(EntryContent content) {
        List<Violation> violations = new ArrayList<>();
        DataGrade grade = content.grade();
        if (content.shareType() == ShareType.UNCONDITIONAL) {
            refusal(grade, Use.UNCONDITIONAL_SHARE, false).ifPresent(why -> violations.add(
                    Violation.of("shareType", ProblemCode.GRADE_RESTRICTS_USE, why)));
        }
        if (content.openType() != null && content.openType() != OpenType.NOT_OPEN) {
            Use use = content.openType() == OpenType.OPEN ? Use.UNCONDITIONAL_OPEN : Use.OPEN;
            refusal(grade, use, false).ifPresent(why -> violations.add(
                    Violation.of("openType", ProblemCode.GRADE_RESTRICTS_USE, why)));
        }
        for (int i = 0; i < content.dataItems().size(); i++) {
            DataItem item = content.dataItems().get(i);
            if (item.grade().compareTo(grade) > 0) {
                violations.add(Violation.of("dataItems[" + i + "].grade", ProblemCode.ENTRY_GRADE_BELOW_ITEM,
                        grade.label(), item.chineseName() == null ? item.name() : item.chineseName(),
                        item.grade().label()));
            }
        }
        return violations;
    }

    /**
     * How an item's values leave when the grant or open rule names nothing more specific: whole-masked for
     * important and core items and for sensitive personal information, else the usual rule for its standard,
     * name and sensitivity.
     */
    public static MaskingRule defaultMasking(DataItem item) {
        if (masksWhole(item)) {
            return MaskingRule.FULL;
        }
        return MaskingRule.suggestedFor(item.valueStandard(), item.name(), item.chineseName(),
                item.sensitivity() == Sensitivity.PERSONAL_INFORMATION);
    }

    /** Whether an item's values are masked whole unless a rule says otherwise: by its grade or its sensitivity. */
    public static boolean masksWhole(DataItem item) {
        return item.grade() != DataGrade.GENERAL || item.sensitivity() == Sensitivity.SENSITIVE_PERSONAL_INFORMATION;
    }
}
