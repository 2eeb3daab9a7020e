package cn.govdata.supervise.metric;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.ShareFacts;
import cn.govdata.supervise.violation.ViolationView;
import cn.govdata.supervise.violation.Violations;

/**
 * Computes each department's metrics for a year from the modules' facts, with the records behind every number.
 * Read for every department of a region (a full recompute, and the drill-down) or for the departments that
 * changed (an incremental run of {@link MetricFacts}). Records are today's state (the lake keeps no yearly count);
 * entries are those published by the year's end, grants those in force at any time of the year.
 */
@Component
class MetricValues {

    /** Every department's records per metric: the evidence the numbers are computed from. */
    record Evidence(Map<Long, Map<Metric, List<MetricRecord>>> byDepartment) {

        List<MetricRecord> of(long departmentId, Metric metric) {
            return byDepartment.getOrDefault(departmentId, Map.of()).getOrDefault(metric, List.of());
        }
    }

    private final CatalogFacts catalog;
    private final LakeFacts lake;
    private final ShareFacts share;
    private final Violations violations;
    private final WorkingDayCalendar calendar;

    MetricValues(CatalogFacts catalog, LakeFacts lake, ShareFacts share, Violations violations,
            WorkingDayCalendar calendar) {
        this.catalog = catalog;
        this.lake = lake;
        this.share = share;
        this.violations = violations;
        this.calendar = calendar;
    }

    /** The evidence of some departments of a region (all when null) for a year. */
    Evidence evidence(long regionId, int year, Collection<Long> departments) {
        LocalDate today = calendar.today();
        Map<Long, Map<Metric, List<MetricRecord>>> all = new HashMap<>();
        for (CatalogFacts.EntryCount count : catalog.publishedEntries(regionId, year, departments)) {
            boolean shared = !"NOT_SHARED".equals(count.shareType());
            add(all, count.departmentId(), Metric.ENTRIES, new MetricRecord("entries", 0,
                    count.shareType() + " / " + count.openType(), null, null, count.entries()));
            add(all, count.departmentId(), Metric.SHARED_SHARE, new MetricRecord("entries", 0,
                    count.shareType() + " / " + count.openType(), null, shared, count.entries()));
        }
        for (LakeFacts.DatasetFact d : lake.datasets(regionId, today, departments)) {
            add(all, d.departmentId(), Metric.RECORDS, new MetricRecord("dataset", d.id(), d.name(), d.dueOn(), null,
                    d.records()));
        }
        for (ShareFacts.ApplicationFact a : share.applications(regionId, departments)) {
            LocalDate due = a.dueOn() != null ? a.dueOn() : a.submittedOn();
            boolean judged = a.answeredOn() != null || a.overdue(today);
            if (due != null && due.getYear() == year && judged) {
                add(all, a.providerDepartmentId(), Metric.APPLICATIONS_ON_TIME, new MetricRecord("application",
                        a.id(), a.entryName(), due, a.answeredOnTime(), 1));
            }
        }
        for (ShareFacts.ProviderUse use : share.uses(regionId, year, departments)) {
            add(all, use.providerDepartmentId(), Metric.ACTIVE_GRANTS, new MetricRecord("grants", 0,
                    "本年度有效的共享授权", null, null, use.activeGrants()));
            add(all, use.providerDepartmentId(), Metric.RECORDS_SERVED, new MetricRecord("grants", 0,
                    use.requestsServed() + " 次调用", null, null, use.recordsServed()));
        }
        for (LakeFacts.Delivery delivery : lake.deliveries(regionId, year, departments)) {
            add(all, delivery.departmentId(), Metric.DELIVERIES_ON_TIME, new MetricRecord("batch", delivery.batchId(),
                    "数据集 " + delivery.datasetId() + "，应于 " + delivery.dueOn() + " 前", delivery.deliveredOn(),
                    delivery.onTime(), 1));
            add(all, delivery.departmentId(), Metric.ACCEPTED_ROW_SHARE, new MetricRecord("batch", delivery.batchId(),
                    "读取 " + delivery.rowsRead() + " 行，入库 " + delivery.rowsAccepted() + " 行",
                    delivery.deliveredOn(), null, delivery.rowsAccepted(), delivery.rowsRead()));
        }
        for (CatalogFacts.Obligation o : catalog.obligations(regionId, today, departments)) {
            LocalDate due = o.dueOn() != null ? o.dueOn() : o.triggerDate();
            boolean judged = o.metOn() != null || o.overdue();
            if (due.getYear() == year && judged) {
                add(all, o.departmentId(), Metric.OBLIGATIONS_ON_TIME, new MetricRecord("obligation", o.id(),
                        o.description(), due, o.metOnTime(), 1));
            }
        }
        for (LakeFacts.DiscrepancyFact d : lake.discrepancies(regionId, departments)) {
            if ("OPEN".equals(d.status())) {
                MetricRecord record = new MetricRecord("discrepancy", d.id(), d.itemLabel(), d.dueOn(), null, 1);
                add(all, d.departmentA(), Metric.OPEN_DISCREPANCIES, record);
                if (d.departmentB() != d.departmentA()) {
                    add(all, d.departmentB(), Metric.OPEN_DISCREPANCIES, record);
                }
            }
        }
        for (ViolationView v : violations.inRegion(regionId, year, departments)) {
            add(all, v.departmentId(), Metric.VIOLATIONS, new MetricRecord("violation", v.id(),
                    v.typeLabel() + "：" + v.subject(), v.detectedOn(), null, 1));
        }
        return new Evidence(all);
    }

    /** The department's metric values from the evidence. */
    static Map<Metric, Double> values(Evidence evidence, long departmentId) {
        return values(totals(evidence, departmentId));
    }

    /** The department's metric inputs: the evidence summed per metric. */
    static Map<Metric, MetricTotals> totals(Evidence evidence, long departmentId) {
        Map<Metric, MetricTotals> totals = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            totals.put(metric, MetricTotals.of(evidence.of(departmentId, metric)));
        }
        return totals;
    }

    /** The metric values from their inputs; a metric without inputs counts as having no record. */
    static Map<Metric, Double> values(Map<Metric, MetricTotals> totals) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, totals.getOrDefault(metric, MetricTotals.NONE).value(metric));
        }
        return values;
    }

    private static void add(Map<Long, Map<Metric, List<MetricRecord>>> all, long departmentId, Metric metric,
            MetricRecord record) {
        all.computeIfAbsent(departmentId, d -> new EnumMap<>(Metric.class))
                .computeIfAbsent(metric, m -> new ArrayList<>()).add(record);
    }
}
