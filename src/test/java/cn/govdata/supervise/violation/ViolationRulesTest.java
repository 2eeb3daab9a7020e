package cn.govdata.supervise.violation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.share.ShareFacts;

class ViolationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    // a calendar without holidays is enough here: N working days = N days
    private final ViolationRules rules = new ViolationRules(20, LocalDate::plusDays);

    private static RegionFacts facts(List<CatalogFacts.Obligation> obligations, List<LakeFacts.DatasetFact> datasets,
            List<ShareFacts.ApplicationFact> applications, List<ShareFacts.ObjectionFact> objections,
            List<LakeFacts.RepeatedCollectionFact> repeated, List<LakeFacts.DiscrepancyFact> discrepancies) {
        return new RegionFacts(1, TODAY, obligations, datasets, applications, objections, repeated, discrepancies);
    }

    @Test
    void anOverdueObligationFiresForItsDepartmentWithTheDueDateItMissed() {
        var overdue = new CatalogFacts.Obligation(5, 1, 7, null, "条例修订", TODAY.minusDays(40), TODAY.minusDays(20),
                null, "OPEN", null, true);
        var onTime = new CatalogFacts.Obligation(6, 1, 8, null, "职能调整", TODAY.minusDays(2), TODAY.plusDays(13),
                null, "OPEN", null, false);
        List<Detection> found = rules.detect(facts(List.of(overdue, onTime), List.of(), List.of(), List.of(),
                List.of(), List.of()));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ViolationType.CATALOG_OBLIGATION_OVERDUE);
            assertThat(d.departmentId()).isEqualTo(7);
            assertThat(d.subjectKey()).isEqualTo("obligation:5:" + TODAY.minusDays(20));
            assertThat(d.missedDueOn()).isEqualTo(TODAY.minusDays(20));
        });
    }

    @Test
    void applicationsAndObjectionsFireOnlyWhileUnansweredPastTheirDueDate() {
        var pendingLate = new ShareFacts.ApplicationFact(1, 1, 7, 9, "人口信息", "PENDING", TODAY.minusDays(30),
                TODAY.minusDays(1), null, null);
        var pendingDueToday = new ShareFacts.ApplicationFact(2, 1, 7, 9, "人口信息", "PENDING", TODAY.minusDays(10),
                TODAY, null, null);
        var answeredLate = new ShareFacts.ApplicationFact(3, 1, 7, 9, "人口信息", "APPROVED", TODAY.minusDays(30),
                TODAY.minusDays(5), TODAY.minusDays(1), null);
        var objectionLate = new ShareFacts.ObjectionFact(4, 1, 8, 9, "法人信息", "住所", "OPEN", TODAY.minusDays(20),
                TODAY.minusDays(3), null);
        var objectionDecided = new ShareFacts.ObjectionFact(5, 1, 8, 9, "法人信息", "住所", "DECIDED",
                TODAY.minusDays(20), TODAY.minusDays(3), TODAY.minusDays(4));
        List<Detection> found = rules.detect(facts(List.of(), List.of(),
                List.of(pendingLate, pendingDueToday, answeredLate), List.of(objectionLate, objectionDecided),
                List.of(), List.of()));
        assertThat(found).extracting(Detection::type, Detection::subjectId, Detection::departmentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ViolationType.APPLICATION_UNANSWERED, 1L, 7L),
                org.assertj.core.groups.Tuple.tuple(ViolationType.OBJECTION_UNANSWERED, 4L, 8L));
    }

    @Test
    void aggregationDiscrepancyAndRepeatedCollectionRules() {
        var late = new LakeFacts.DatasetFact(11, 3, "婚姻登记", 1, 7, 100, null, TODAY.minusDays(1), true);
        var fresh = new LakeFacts.DatasetFact(12, 4, "低保", 1, 7, 100, null, TODAY.plusDays(1), false);
        var stillCollected = new LakeFacts.RepeatedCollectionFact(21, 1, 7, 8, "id_no", "身份证号", "SHARE_INSTEAD",
                TODAY.minusDays(60), TODAY.minusDays(21), true);
        var withinGrace = new LakeFacts.RepeatedCollectionFact(22, 1, 7, 8, "name", "姓名", "SHARE_INSTEAD",
                TODAY.minusDays(60), TODAY.minusDays(20), true);
        var stopped = new LakeFacts.RepeatedCollectionFact(23, 1, 7, 8, "addr", "住址", "SHARE_INSTEAD",
                TODAY.minusDays(60), TODAY.minusDays(40), false);
        var allowed = new LakeFacts.RepeatedCollectionFact(24, 1, 7, 8, "tel", "电话", "ALLOWED",
                TODAY.minusDays(60), TODAY.minusDays(40), true);
        var discrepancy = new LakeFacts.DiscrepancyFact(31, 1, 7, 8, "住所", "OPEN", TODAY.minusDays(30),
                TODAY.minusDays(1));
        var settled = new LakeFacts.DiscrepancyFact(32, 1, 7, 8, "住所", "SETTLED", TODAY.minusDays(30),
                TODAY.minusDays(1));
        RegionFacts facts = facts(List.of(), List.of(late, fresh), List.of(), List.of(),
                List.of(stillCollected, withinGrace, stopped, allowed), List.of(discrepancy, settled));
        List<Detection> found = rules.detect(facts);
        assertThat(found).extracting(Detection::subjectKey).containsExactly(
                "dataset:11:" + TODAY.minusDays(1),
                "repeated-collection:21:" + TODAY.minusDays(1),
                "discrepancy:31:7:" + TODAY.minusDays(1),
                "discrepancy:31:8:" + TODAY.minusDays(1));
        assertThat(rules.stillFires(facts, ViolationType.DISCREPANCY_UNSETTLED, 31, 8)).isTrue();
        assertThat(rules.stillFires(facts, ViolationType.AGGREGATION_OVERDUE, 12, 7)).isFalse();
    }
}
