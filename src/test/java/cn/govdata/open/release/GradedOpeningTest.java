package cn.govdata.open.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataGrade;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.open.desensitise.ItemRule;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.MaskingRule;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import jakarta.validation.Validation;
import tools.jackson.databind.json.JsonMapper;

/** Opening by grade (SEC-4): core data never, important data only on conditions, masking by grade and flags. */
class GradedOpeningTest {

    private static final DataItem CODE = new DataItem("code", "编号", DataType.CHARACTER, 10, true, true, null, null);
    private static final DataItem RESERVE = new DataItem("reserve", "储备量", DataType.CHARACTER, 10, true, false, null,
            Sensitivity.NONE, DataGrade.IMPORTANT);
    private static final DataItem ID = new DataItem("sfzh", "公民身份号码", DataType.CHARACTER, 18, true, false, "GB 11643",
            Sensitivity.PERSONAL_INFORMATION);
    private static final DataItem NAME = new DataItem("xm", "姓名", DataType.CHARACTER, 20, false, false, null,
            Sensitivity.SENSITIVE_PERSONAL_INFORMATION);

    private static final OpeningPolicy YANTAI = policy();

    private static OpeningPolicy policy() {
        ActivePolicy active = mock(ActivePolicy.class);
        when(active.profile()).thenReturn(ActivePolicy.load("yantai", JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator()));
        return new OpeningPolicy(active, new OpenSettings(null, null, Duration.ofSeconds(30), "other-at", "t", ""));
    }

    private static EntryContent content(OpenType type, DataGrade grade) {
        return new EntryContent("测试资源", new Classification(Classification.Category.DEPARTMENT, "01", null, null), "摘要",
                ResourceFormat.DATABASE, "PostgreSQL", LocalDate.of(2026, 1, 1), List.of(), false,
                List.of(CODE, RESERVE, ID, NAME), ShareType.CONDITIONAL, null, EntryContent.ShareMethod.PLATFORM_TABLE,
                List.of(), null, type, null, null, EntryContent.UpdateCycle.DAILY, grade);
    }

    @Test
    void coreDataIsNeverOpenedAndImportantDataOnlyOnConditions() {
        assertThat(YANTAI.refusal(content(OpenType.OPEN, DataGrade.CORE)).zh()).startsWith("核心数据不得无条件开放");
        assertThat(YANTAI.refusal(content(OpenType.CONDITIONAL_OPEN, DataGrade.CORE)).zh()).startsWith("核心数据不得向社会开放");
        assertThat(YANTAI.refusal(content(OpenType.OPEN, DataGrade.IMPORTANT)).en())
                .startsWith("important data may not be opened unconditionally");
        assertThat(YANTAI.refusal(content(OpenType.CONDITIONAL_OPEN, DataGrade.IMPORTANT))).isNull();
        assertThat(YANTAI.refusal(content(OpenType.OPEN, DataGrade.GENERAL))).isNull();
    }

    @Test
    void importantItemsAndSensitivePersonalInformationAreMaskedWholeUnlessTheProviderNamesARuleAndNeverLeaveAsStored() {
        Map<String, ItemRule> rules = YANTAI.effective(content(OpenType.CONDITIONAL_OPEN, DataGrade.IMPORTANT), Map.of());
        assertThat(rules.get("code").rule()).isEqualTo(MaskingRule.NONE);
        assertThat(rules.get("reserve").rule()).isEqualTo(MaskingRule.FULL);
        assertThat(rules.get("sfzh").rule()).isEqualTo(MaskingRule.ID_NUMBER);
        assertThat(rules.get("xm").rule()).isEqualTo(MaskingRule.FULL);

        List<Violation> problems = YANTAI.ruleProblems(content(OpenType.CONDITIONAL_OPEN, DataGrade.IMPORTANT),
                List.of(ItemRule.of("reserve", MaskingRule.NONE), ItemRule.of("xm", MaskingRule.NAME)));
        assertThat(problems).extracting(Violation::location, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules.reserve", ProblemCode.DESENSITISATION_TOO_WEAK));
    }
}
