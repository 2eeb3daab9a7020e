package cn.govdata.supervise.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFacts.EntryState;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.lake.LakeFacts.DatasetFact;
import cn.govdata.lake.LakeFixtures;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.LocalizedText;
import cn.govdata.supervise.project.Project.EntryFacts;
import cn.govdata.supervise.project.Project.Finding;
import cn.govdata.supervise.project.Project.ProjectEntry;
import cn.govdata.supervise.project.Project.Role;

/** The checks of a project's catalog, over facts made up here: each case the HTTP tests do not reach. */
class ProjectChecksTest {

    private static final long DEPARTMENT = 7;
    private static final OffsetDateTime YESTERDAY = OffsetDateTime.now().minusDays(1);

    private static EntryContent content(ShareType type, LegalBasis basis) {
        return new EntryContent("人口信息", null, "摘要", null, null, null, List.of(), false,
                List.of(LakeFixtures.NAME, LakeFixtures.ID_NUMBER), type, null, null, List.of(), basis, OpenType.NOT_OPEN,
                null, null, EntryContent.UpdateCycle.DAILY);
    }

    private static EntryState entry(long id, String code, long department, EntryContent latest, EntryContent published) {
        return new EntryState(id, code, 1, department, false, published == null ? "DRAFT" : "PUBLISHED", latest,
                published, published == null ? null : YESTERDAY);
    }

    private static ProjectChecks checks(EntryState... entries) {
        Map<String, EntryState> byCode = new java.util.HashMap<>();
        for (EntryState e : entries) {
            byCode.put(e.resourceCode(), e);
        }
        return new ProjectChecks(code -> Optional.ofNullable(byCode.get(code)),
                type -> new LocalizedText("有条件共享", "conditionally shared"));
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void anEntryOfAnotherDepartmentIsNotTheProjectsOwnAndAnUnpublishedUsedEntryIsMissing() {
        EntryContent complete = content(ShareType.UNCONDITIONAL, null);
        ProjectChecks checks = checks(entry(1, "A", 99, complete, null), entry(2, "B", 99, complete, null),
                entry(3, "C", DEPARTMENT, complete, null));
        List<Finding> findings = checks.beforeApproval(DEPARTMENT, List.of(new ProjectEntry("A", Role.PRODUCES, null),
                new ProjectEntry("B", Role.USES, null), new ProjectEntry("C", Role.PRODUCES, List.of("姓名"))));
        assertThat(codes(findings)).containsExactly("ENTRY_OF_ANOTHER_DEPARTMENT", "ENTRY_NOT_PUBLISHED");
        assertThat(findings.get(1).text()).contains("B（人口信息）").contains("尚未发布");
        assertThat(checks.beforeApproval(DEPARTMENT, List.of())).extracting(Finding::code).containsExactly("NO_ENTRIES");
    }

    @Test
    void aRestrictedShareTypeNeedsACompleteBasisNamedAsTheProfileNamesIt() {
        ProjectChecks checks = checks(
                entry(1, "A", DEPARTMENT, content(ShareType.CONDITIONAL, new LegalBasis(LegalBasis.Kind.LAW, "某法", "")), null),
                entry(2, "B", DEPARTMENT, content(ShareType.CONDITIONAL, new LegalBasis(LegalBasis.Kind.LAW, "某法", "第三条")), null));
        List<Finding> findings = checks.beforeApproval(DEPARTMENT, List.of(new ProjectEntry("A", Role.PRODUCES, null),
                new ProjectEntry("B", Role.PRODUCES, null)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SHARE_BASIS_MISSING");
            assertThat(f.resourceCode()).isEqualTo("A");
            assertThat(f.text()).contains("有条件共享");
            assertThat(f.textEn()).contains("conditionally shared");
        });
    }

    @Test
    void atAcceptanceProducedDataMustBeAggregatedAndCurrentWhileUsedDataIsTheProvidersDuty() {
        EntryContent published = content(ShareType.UNCONDITIONAL, null);
        ProjectChecks checks = checks(entry(1, "A", DEPARTMENT, published, published),
                entry(2, "B", DEPARTMENT, published, published), entry(3, "C", 99, published, published),
                entry(4, "D", DEPARTMENT, published, null));
        LocalDate due = LocalDate.now().minusDays(3);
        Map<Long, DatasetFact> datasets = Map.of(
                1L, new DatasetFact(11, 1, "人口信息", 1, DEPARTMENT, 50, YESTERDAY, due, true),
                2L, new DatasetFact(12, 2, "人口信息", 1, DEPARTMENT, 0, null, null, false));
        List<Finding> findings = new ArrayList<>();
        List<EntryFacts> facts = checks.atAcceptance(List.of(new ProjectEntry("A", Role.PRODUCES, null),
                new ProjectEntry("B", Role.PRODUCES, null), new ProjectEntry("C", Role.USES, null),
                new ProjectEntry("D", Role.PRODUCES, null)), id -> Optional.ofNullable(datasets.get(id)), findings);
        assertThat(findings).extracting(f -> f.code() + ":" + f.resourceCode())
                .containsExactly("AGGREGATION_OVERDUE:A", "DATA_NOT_AGGREGATED:B", "ENTRY_NOT_PUBLISHED:D");
        assertThat(findings.get(0).text()).contains(due.toString());
        assertThat(facts).extracting(EntryFacts::current).containsExactly(false, false, false, false);
        assertThat(facts.get(0).records()).isEqualTo(50);
        assertThat(facts.get(0).datasetId()).isEqualTo(11);
        assertThat(facts.get(2).published()).isTrue();
        assertThat(facts.get(3).publishedAt()).isNull();
    }
}
