package cn.govdata.supervise.violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.org.OrgFacts;
import cn.govdata.share.ShareFacts;

/**
 * The rules of SUP-3 over the recorded facts, without side effects: what the platform can see of the violations
 * the regulations list (YT31 NX23 AB44 TJ27 FZ28).
 * <ul>
 * <li>a catalog update obligation still open past its due date (CAT-4);</li>
 * <li>a dataset whose next aggregation is past due for its update cycle (AGG-2);</li>
 * <li>a share application still pending past its reply date (SHR);</li>
 * <li>an objection to shared data still open past its due date;</li>
 * <li>a repeated collection the authority told the department to replace by sharing, still collected a set
 * number of working days after the decision (AGG-3, AGG-8);</li>
 * <li>a discrepancy between two departments still open past its due date, for each of the two (AGG-6);</li>
 * <li>a change of the chief data officer, the working group or the roster not reported to the data authority within
 * 5 working days of taking effect, or the chief data officer's yearly summary not submitted by 15 December
 * (ORG-2, ORG-3, TJ-CDO).</li>
 * </ul>
 */
public final class ViolationRules {

    private final int repeatedCollectionWorkingDays;
    private final BiFunction<LocalDate, Integer, LocalDate> dueAfterWorkingDays;

    /**
     * @param repeatedCollectionWorkingDays the working days a department has to stop a repeated collection
     * @param dueAfterWorkingDays the working-day calendar: the day N working days after a day
     */
    public ViolationRules(int repeatedCollectionWorkingDays,
            BiFunction<LocalDate, Integer, LocalDate> dueAfterWorkingDays) {
        this.repeatedCollectionWorkingDays = repeatedCollectionWorkingDays;
        this.dueAfterWorkingDays = dueAfterWorkingDays;
    }

    public List<Detection> detect(RegionFacts facts) {
        LocalDate today = facts.today();
        long region = facts.regionId();
        List<Detection> found = new ArrayList<>();
        for (CatalogFacts.Obligation o : facts.obligations()) {
            if (o.overdue()) {
                LocalDate missed = o.dueOn() != null && today.isAfter(o.dueOn()) ? o.dueOn() : o.reportDueOn();
                found.add(new Detection(ViolationType.CATALOG_OBLIGATION_OVERDUE, region, o.departmentId(),
                        "obligation:" + o.id() + ":" + missed, o.id(), "目录更新义务：" + o.description(), missed));
            }
        }
        for (LakeFacts.DatasetFact d : facts.datasets()) {
            if (d.overdue()) {
                found.add(new Detection(ViolationType.AGGREGATION_OVERDUE, region, d.departmentId(),
                        "dataset:" + d.id() + ":" + d.dueOn(), d.id(), "数据集：" + d.name(), d.dueOn()));
            }
        }
        for (ShareFacts.ApplicationFact a : facts.applications()) {
            if (a.overdue(today)) {
                found.add(new Detection(ViolationType.APPLICATION_UNANSWERED, region, a.providerDepartmentId(),
                        "application:" + a.id() + ":" + a.dueOn(), a.id(), "共享申请：" + a.entryName(), a.dueOn()));
            }
        }
        for (ShareFacts.ObjectionFact o : facts.objections()) {
            if (o.overdue(today)) {
                found.add(new Detection(ViolationType.OBJECTION_UNANSWERED, region, o.providerDepartmentId(),
                        "objection:" + o.id() + ":" + o.dueOn(), o.id(),
                        "数据异议：" + o.entryName() + "（" + o.itemLabel() + "）", o.dueOn()));
            }
        }
        for (LakeFacts.RepeatedCollectionFact r : facts.repeatedCollections()) {
            if ("SHARE_INSTEAD".equals(r.status()) && r.stillCollected() && r.decidedOn() != null) {
                LocalDate due = dueAfterWorkingDays.apply(r.decidedOn(), repeatedCollectionWorkingDays);
                if (today.isAfter(due)) {
                    found.add(new Detection(ViolationType.REPEATED_COLLECTION_UNSETTLED, region, r.departmentId(),
                            "repeated-collection:" + r.id() + ":" + due, r.id(),
                            "重复采集：" + r.elementName() + "（" + r.itemName() + "）", due));
                }
            }
        }
        for (LakeFacts.DiscrepancyFact d : facts.discrepancies()) {
            if ("OPEN".equals(d.status()) && d.dueOn() != null && today.isAfter(d.dueOn())) {
                for (long department : d.departmentA() == d.departmentB() ? List.of(d.departmentA())
                        : List.of(d.departmentA(), d.departmentB())) {
                    found.add(new Detection(ViolationType.DISCREPANCY_UNSETTLED, region, department,
                            "discrepancy:" + d.id() + ":" + department + ":" + d.dueOn(), d.id(),
                            "数据不一致：" + d.itemLabel(), d.dueOn()));
                }
            }
        }
        for (OrgFacts.UnreportedFiling f : facts.filings()) {
            if (f.overdue(today)) {
                found.add(new Detection(ViolationType.ORG_FILING_OVERDUE, region, f.departmentId(),
                        "org-filing:" + f.id() + ":" + f.dueOn(), f.id(), "报送事项：" + f.subject(), f.dueOn()));
            }
        }
        return found;
    }

    /** Whether the violation of a subject still fires: what the authority's re-check asks. */
    public boolean stillFires(RegionFacts facts, ViolationType type, long subjectId, long departmentId) {
        return detect(facts).stream().anyMatch(d -> d.sameSubject(type, subjectId, departmentId));
    }
}
