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

/** The rules of opening under each region's text, without the web. */
class OpeningPolicyTest {

    private static final DataItem CODE = new DataItem("code", "编号", DataType.CHARACTER, 10, true, true, null, null);
    private static final DataItem ID = new DataItem("sfzh", "公民身份号码", DataType.CHARACTER, 18, true, false, "GB 11643",
            Sensitivity.PERSONAL_INFORMATION);
    private static final DataItem NAME = new DataItem("xm", "姓名", DataType.CHARACTER, 20, false, false, null,
            Sensitivity.PERSONAL_INFORMATION);
    private static final DataItem CREDIT = new DataItem("tyshxydm", "统一社会信用代码", DataType.CHARACTER, 18, false,
            false, "GB 32100", null);

    private static OpeningPolicy policy(String region, Boolean authorityConfirms) {
        ActivePolicy active = mock(ActivePolicy.class);
        when(active.profile()).thenReturn(ActivePolicy.load(region, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator()));
        return new OpeningPolicy(active, new OpenSettings(null, authorityConfirms, Duration.ofSeconds(30), "other-at", "t",
                ""));
    }

    private static EntryContent content(OpenType type, boolean classified) {
        return new EntryContent("测试资源", new Classification(Classification.Category.DEPARTMENT, "01", null, null), "摘要",
                ResourceFormat.DATABASE, "PostgreSQL", LocalDate.of(2026, 1, 1), List.of(), classified,
                List.of(CODE, ID, NAME, CREDIT), ShareType.UNCONDITIONAL, null, EntryContent.ShareMethod.PLATFORM_TABLE,
                List.of(), null, type, null, null, EntryContent.UpdateCycle.DAILY);
    }

    @Test
    void onlyWhatTheRegionAndTheCatalogAllowMayBeOpened() {
        assertThat(policy("yantai", null).refusal(content(OpenType.OPEN, false))).isNull();
        assertThat(policy("yantai", null).refusal(content(OpenType.CONDITIONAL_OPEN, false))).isNull();
        assertThat(policy("yantai", null).refusal(content(OpenType.NOT_OPEN, false))).isEqualTo(OpeningPolicy.NOT_OPEN);
        assertThat(policy("yantai", null).refusal(content(OpenType.OPEN, true))).isEqualTo(OpeningPolicy.CLASSIFIED);
        assertThat(policy("ningxia", null).refusal(content(OpenType.OPEN, false)))
                .isEqualTo(OpeningPolicy.REGION_OPENS_NOTHING);
    }

    @Test
    void theAuthorityConfirmsWhereItsTextHasItOpenTheDataUnlessConfiguredOtherwise() {
        assertThat(policy("fuzhou", null).authorityConfirms()).isTrue();
        assertThat(policy("yantai", null).authorityConfirms()).isFalse();
        assertThat(policy("aba", null).authorityConfirms()).isFalse();
        assertThat(policy("aba", true).authorityConfirms()).isTrue();
        assertThat(policy("fuzhou", false).authorityConfirms()).isFalse();
        assertThat(policy("fuzhou", null).typeName(OpenType.OPEN).zh()).isEqualTo("普遍开放");
    }

    @Test
    void defaultsMaskWhatTheCatalogMarksAndNaturalPersonsCreditCodes() {
        Map<String, ItemRule> rules = policy("yantai", null).effective(content(OpenType.OPEN, false), Map.of());
        assertThat(rules.get("code").rule()).isEqualTo(MaskingRule.NONE);
        assertThat(rules.get("sfzh").rule()).isEqualTo(MaskingRule.ID_NUMBER);
        assertThat(rules.get("xm").rule()).isEqualTo(MaskingRule.NAME);
        assertThat(rules.get("tyshxydm").rule()).isEqualTo(MaskingRule.CREDIT_CODE_OF_PERSON);
    }

    @Test
    void aSensitiveItemIsNeverKeptAsStoredAndATruncationSaysHowMuch() {
        List<Violation> problems = policy("yantai", null).ruleProblems(content(OpenType.OPEN, false),
                List.of(ItemRule.of("xm", MaskingRule.NONE), new ItemRule("code", MaskingRule.TRUNCATE, null),
                        ItemRule.of("nope", MaskingRule.FULL), new ItemRule("tyshxydm", MaskingRule.TRUNCATE, 8)));
        assertThat(problems).extracting(Violation::code).containsExactly(ProblemCode.DESENSITISATION_TOO_WEAK,
                ProblemCode.DESENSITISATION_NEEDS_LENGTH, ProblemCode.UNKNOWN_DATA_ITEM);
    }
}
