package cn.govdata.catalog.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import jakarta.validation.Validation;
import tools.jackson.databind.json.JsonMapper;

/** The submission rules of CAT-1, CAT-2, CAT-3, CAT-7, CAT-8 and SEC-3 under each region's profile. */
class CatalogRulesTest {

    private static PolicyProfile profile(String id) {
        return ActivePolicy.load(id, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator());
    }

    private static final PolicyProfile YANTAI = profile("yantai");

    static EntryContent valid(Classification classification, ShareType share, OpenType open) {
        return new EntryContent("人口基本信息", classification, "全市户籍人口的基本信息", ResourceFormat.DATABASE, "postgresql",
                LocalDate.of(2026, 1, 1), List.of(), false,
                List.of(new DataItem("id_number", "公民身份号码", DataType.CHARACTER, 18, true, true, "GB 11643",
                        Sensitivity.PERSONAL_INFORMATION),
                        new DataItem("full_name", "姓名", DataType.CHARACTER, 50, true, false, null,
                                Sensitivity.PERSONAL_INFORMATION)),
                share, share == ShareType.CONDITIONAL ? "用于履职需要核验身份" : null, ShareMethod.PLATFORM_INTERFACE,
                share == ShareType.CONDITIONAL ? List.of("共享申请函") : List.of(),
                share == ShareType.UNCONDITIONAL ? null : new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第三十四条"),
                open, open == OpenType.CONDITIONAL_OPEN ? "经审核的科研机构" : null,
                open == OpenType.NOT_OPEN ? new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第十三条") : null,
                UpdateCycle.DAILY);
    }

    private static final Classification DEPARTMENT = new Classification(Category.DEPARTMENT, "01", "001", null);
    private static final Classification POPULATION = new Classification(Category.BASE, "01", null, null);

    private static List<ProblemCode> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    @Test
    void aCompleteEntryPasses() {
        assertThat(CatalogRules.checkForSubmission(valid(DEPARTMENT, ShareType.CONDITIONAL, OpenType.NOT_OPEN), YANTAI))
                .isEmpty();
    }

    @Test
    void conditionalAndNotSharedEntriesMustCiteTheirLegalBasis() {
        EntryContent valid = valid(DEPARTMENT, ShareType.CONDITIONAL, OpenType.OPEN);
        EntryContent withoutBasis = new EntryContent(valid.name(), valid.classification(), valid.summary(), valid.format(),
                valid.subFormat(), valid.releaseDate(), valid.relatedCodes(), false, valid.dataItems(), ShareType.NOT_SHARED,
                null, null, List.of(), new LegalBasis(LegalBasis.Kind.LAW, "某法", " "), OpenType.OPEN, null, null,
                UpdateCycle.DAILY);
        List<Violation> violations = CatalogRules.checkForSubmission(withoutBasis, YANTAI);
        assertThat(violations).extracting(Violation::location).containsExactly("shareBasis");
        assertThat(codes(violations)).containsExactly(ProblemCode.LEGAL_BASIS_REQUIRED);
    }

    @Test
    void conditionalSharingNamesItsConditionAndTheMaterialsAnApplicantSupplies() {
        EntryContent valid = valid(DEPARTMENT, ShareType.CONDITIONAL, OpenType.OPEN);
        EntryContent bare = new EntryContent(valid.name(), valid.classification(), valid.summary(), valid.format(),
                valid.subFormat(), valid.releaseDate(), valid.relatedCodes(), false, valid.dataItems(), ShareType.CONDITIONAL,
                " ", ShareMethod.PLATFORM_TABLE, List.of(), valid.shareBasis(), OpenType.OPEN, null, null, UpdateCycle.DAILY);
        assertThat(CatalogRules.checkForSubmission(bare, YANTAI)).extracting(Violation::location)
                .containsExactlyInAnyOrder("shareCondition", "applicantMaterials");
    }

    @Test
    void notOpenEntriesCiteTheirBasisAndConditionalOpeningItsCondition() {
        EntryContent valid = valid(DEPARTMENT, ShareType.UNCONDITIONAL, OpenType.NOT_OPEN);
        EntryContent noBasis = new EntryContent(valid.name(), valid.classification(), valid.summary(), valid.format(),
                valid.subFormat(), valid.releaseDate(), List.of(), false, valid.dataItems(), ShareType.UNCONDITIONAL, null,
                ShareMethod.PLATFORM_TABLE, List.of(), null, OpenType.NOT_OPEN, null, null, UpdateCycle.DAILY);
        assertThat(codes(CatalogRules.checkForSubmission(noBasis, YANTAI))).containsExactly(ProblemCode.LEGAL_BASIS_REQUIRED);
        EntryContent noCondition = new EntryContent(valid.name(), valid.classification(), valid.summary(), valid.format(),
                valid.subFormat(), valid.releaseDate(), List.of(), false, valid.dataItems(), ShareType.UNCONDITIONAL, null,
                ShareMethod.PLATFORM_TABLE, List.of(), null, OpenType.CONDITIONAL_OPEN, null, null, UpdateCycle.DAILY);
        assertThat(CatalogRules.checkForSubmission(noCondition, YANTAI)).extracting(Violation::location)
                .containsExactly("openCondition");
    }

    @Test
    void classifiedDataIsRefusedEvenAsADraft() {
        EntryContent valid = valid(DEPARTMENT, ShareType.UNCONDITIONAL, OpenType.OPEN);
        EntryContent classified = new EntryContent(valid.name(), valid.classification(), valid.summary(), valid.format(),
                valid.subFormat(), valid.releaseDate(), List.of(), true, valid.dataItems(), ShareType.UNCONDITIONAL, null,
                ShareMethod.PLATFORM_TABLE, List.of(), null, OpenType.OPEN, null, null, UpdateCycle.DAILY);
        assertThat(codes(CatalogRules.checkDraft(classified))).containsExactly(ProblemCode.CLASSIFIED_DATA_REFUSED);
    }

    @Test
    void baseResourcesMustBeSharedUnconditionallyWhereTheProfileSaysSo() {
        EntryContent conditionalPopulation = valid(POPULATION, ShareType.CONDITIONAL, OpenType.NOT_OPEN);
        assertThat(CatalogRules.checkForSubmission(conditionalPopulation, YANTAI)).isEmpty();
        assertThat(codes(CatalogRules.checkForSubmission(conditionalPopulation, profile("ningxia"))))
                .containsExactly(ProblemCode.BASE_ITEMS_SHARED_UNCONDITIONALLY);
        assertThat(codes(CatalogRules.checkForSubmission(conditionalPopulation, profile("aba"))))
                .containsExactly(ProblemCode.BASE_ITEMS_SHARED_UNCONDITIONALLY);
    }

    @Test
    void openTypesFollowTheProfile() {
        // Fuzhou has 普遍开放 and 授权开放; Ningxia opens nothing to the public, so everything is not open
        EntryContent open = valid(DEPARTMENT, ShareType.UNCONDITIONAL, OpenType.OPEN);
        assertThat(CatalogRules.checkForSubmission(open, profile("fuzhou"))).isEmpty();
        assertThat(codes(CatalogRules.checkForSubmission(open, profile("ningxia"))))
                .containsExactly(ProblemCode.TYPE_NOT_IN_PROFILE);
        EntryContent notOpen = valid(DEPARTMENT, ShareType.UNCONDITIONAL, OpenType.NOT_OPEN);
        assertThat(CatalogRules.checkForSubmission(notOpen, profile("ningxia"))).isEmpty();
    }

    @Test
    void dataItemsNeedUniqueIdentifiersTypesAndLengths() {
        EntryContent valid = valid(DEPARTMENT, ShareType.UNCONDITIONAL, OpenType.OPEN);
        List<DataItem> items = List.of(new DataItem("id_number", "公民身份号码", DataType.CHARACTER, null, true, true, null, null),
                new DataItem("ID_NUMBER", "身份证号", DataType.DATE, null, true, false, null, null),
                new DataItem("姓名", "姓名", null, null, false, false, null, null));
        EntryContent broken = new EntryContent(valid.name(), valid.classification(), valid.summary(), valid.format(),
                valid.subFormat(), valid.releaseDate(), List.of(), false, items, ShareType.UNCONDITIONAL, null,
                ShareMethod.PLATFORM_TABLE, List.of(), null, OpenType.OPEN, null, null, UpdateCycle.DAILY);
        assertThat(CatalogRules.checkForSubmission(broken, YANTAI)).extracting(Violation::location)
                .containsExactly("dataItems[0].length", "dataItems[1].name", "dataItems[2].name", "dataItems[2].type");
    }

    @Test
    void subFormatsMustBelongToTheFormat() {
        EntryContent valid = valid(DEPARTMENT, ShareType.UNCONDITIONAL, OpenType.OPEN);
        EntryContent wrong = new EntryContent(valid.name(), valid.classification(), valid.summary(), ResourceFormat.IMAGE,
                "XLSX", valid.releaseDate(), List.of(), false, valid.dataItems(), ShareType.UNCONDITIONAL, null,
                ShareMethod.PLATFORM_TABLE, List.of(), null, OpenType.OPEN, null, null, UpdateCycle.DAILY);
        assertThat(CatalogRules.checkForSubmission(wrong, YANTAI)).extracting(Violation::location)
                .containsExactly("subFormat");
    }

    @Test
    void classificationCodesFollowTheLevelsAndKnownSubjects() {
        assertThat(Classification.parse("101").code()).isEqualTo("101");
        assertThat(Classification.parse("210003001").detail()).isEqualTo("001");
        assertThat(new Classification(Category.DEPARTMENT, "12", "034", null).code()).isEqualTo("312034");
        assertThatThrownBy(() -> Classification.parse("107")).isInstanceOf(DomainException.class);  // no 7th base subject
        assertThatThrownBy(() -> Classification.parse("2120")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Classification(Category.DEPARTMENT, "01", null, "001"))
                .isInstanceOf(DomainException.class);
    }
}
