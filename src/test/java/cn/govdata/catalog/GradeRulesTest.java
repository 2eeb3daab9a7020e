package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.GradeRules.Use;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.MaskingRule;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/** What each grade of GB/T 43697-2024 allows (SEC-4). */
class GradeRulesTest {

    private static DataItem item(String name, String chineseName, String standard, Sensitivity sensitivity,
            DataGrade grade) {
        return new DataItem(name, chineseName, DataType.CHARACTER, 50, true, false, standard, sensitivity, grade);
    }

    private static EntryContent entry(ShareType share, OpenType open, DataGrade grade, DataItem... items) {
        return new EntryContent("企业登记信息", Classification.parse("301001"), "摘要", ResourceFormat.DATABASE,
                "postgresql", LocalDate.of(2026, 1, 1), List.of(), false, List.of(items), share, null,
                ShareMethod.PLATFORM_INTERFACE, List.of(), null, open, null, null, UpdateCycle.DAILY, grade);
    }

    private static final DataItem PLAIN = item("org_name", "单位名称", null, Sensitivity.NONE, null);

    @Test
    void generalDataGoesEveryWayItsTypesAllow() {
        for (Use use : Use.values()) {
            assertThat(GradeRules.refusal(DataGrade.GENERAL, use, false)).as(use.name()).isEmpty();
        }
    }

    @Test
    void importantDataIsNeverUnconditionalAndLeavesInBulkOnlyUnderAnApprovedGrant() {
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.UNCONDITIONAL_SHARE, false)).isPresent();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.UNCONDITIONAL_OPEN, false)).isPresent();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.OPEN_DOWNLOAD, true)).isPresent();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.OPEN, false)).isEmpty();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.BULK_EXPORT, false)).isPresent();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.PUSH, false)).isPresent();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.BULK_EXPORT, true)).isEmpty();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.PUSH, true)).isEmpty();
        assertThat(GradeRules.refusal(DataGrade.IMPORTANT, Use.PUSH, false).orElseThrow().zh())
                .isEqualTo("重要数据不得主动推送，仅可在经审批的授权下进行（《数据安全法》第二十一条、GB/T 43697-2024）");
    }

    @Test
    void coreDataNeverLeavesInBulkNorUnconditionallyNorToThePublicEvenUnderAnApprovedGrant() {
        for (Use use : Use.values()) {
            assertThat(GradeRules.refusal(DataGrade.CORE, use, true)).as(use.name()).isPresent();
        }
        assertThat(GradeRules.refusal(DataGrade.CORE, Use.BULK_EXPORT, true).orElseThrow().zh())
                .startsWith("核心数据不得批量导出（数据交换）");
    }

    @Test
    void anEntryWithoutAGradeTakesTheHighestOfItsItemsAndItemsWithoutOneAreGeneral() {
        assertThat(entry(ShareType.CONDITIONAL, OpenType.NOT_OPEN, null, PLAIN,
                item("id_number", "公民身份号码", "GB 11643", Sensitivity.SENSITIVE_PERSONAL_INFORMATION, null)).grade())
                .isEqualTo(DataGrade.GENERAL);
        assertThat(entry(ShareType.CONDITIONAL, OpenType.NOT_OPEN, null, PLAIN,
                item("reserve", "储备量", null, Sensitivity.NONE, DataGrade.IMPORTANT)).grade())
                .isEqualTo(DataGrade.IMPORTANT);
        assertThat(entry(ShareType.CONDITIONAL, OpenType.NOT_OPEN, DataGrade.CORE, PLAIN).grade()).isEqualTo(DataGrade.CORE);
        assertThat(PLAIN.grade()).isEqualTo(DataGrade.GENERAL);
    }

    @Test
    void theCatalogRefusesShareAndOpenTypesTheGradeForbidsAndEntriesGradedBelowAnItem() {
        assertThat(GradeRules.check(entry(ShareType.UNCONDITIONAL, OpenType.OPEN, DataGrade.GENERAL, PLAIN))).isEmpty();
        assertThat(GradeRules.check(entry(ShareType.UNCONDITIONAL, OpenType.OPEN, DataGrade.CORE, PLAIN)))
                .extracting(Violation::location, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shareType", ProblemCode.GRADE_RESTRICTS_USE),
                        org.assertj.core.groups.Tuple.tuple("openType", ProblemCode.GRADE_RESTRICTS_USE));
        assertThat(GradeRules.check(entry(ShareType.CONDITIONAL, OpenType.CONDITIONAL_OPEN, DataGrade.CORE, PLAIN)))
                .extracting(Violation::location).containsExactly("openType");
        assertThat(GradeRules.check(entry(ShareType.CONDITIONAL, OpenType.CONDITIONAL_OPEN, DataGrade.IMPORTANT, PLAIN)))
                .isEmpty();
        assertThat(GradeRules.check(entry(ShareType.CONDITIONAL, OpenType.OPEN, DataGrade.IMPORTANT, PLAIN)))
                .extracting(Violation::location).containsExactly("openType");
        assertThat(GradeRules.check(entry(ShareType.CONDITIONAL, OpenType.NOT_OPEN, DataGrade.GENERAL, PLAIN,
                item("reserve", "储备量", null, Sensitivity.NONE, DataGrade.IMPORTANT))))
                .extracting(Violation::location, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dataItems[1].grade", ProblemCode.ENTRY_GRADE_BELOW_ITEM));
    }

    @Test
    void defaultMaskingFollowsTheGradeAndThePersonalInformationFlags() {
        assertThat(GradeRules.defaultMasking(item("full_name", "姓名", null, Sensitivity.PERSONAL_INFORMATION, null)))
                .isEqualTo(MaskingRule.NAME);
        assertThat(GradeRules.defaultMasking(item("id_number", "公民身份号码", "GB 11643",
                Sensitivity.PERSONAL_INFORMATION, null))).isEqualTo(MaskingRule.ID_NUMBER);
        assertThat(GradeRules.defaultMasking(item("full_name", "姓名", null, Sensitivity.SENSITIVE_PERSONAL_INFORMATION,
                null))).isEqualTo(MaskingRule.FULL);
        assertThat(GradeRules.defaultMasking(item("id_number", "公民身份号码", "GB 11643", Sensitivity.PERSONAL_INFORMATION,
                DataGrade.IMPORTANT))).isEqualTo(MaskingRule.FULL);
        assertThat(GradeRules.defaultMasking(item("org_name", "单位名称", null, Sensitivity.NONE, DataGrade.CORE)))
                .isEqualTo(MaskingRule.FULL);
        assertThat(GradeRules.defaultMasking(PLAIN)).isEqualTo(MaskingRule.NONE);
    }
}
