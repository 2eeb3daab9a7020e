package cn.govdata.lake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.lake.dataset.AggregationStatus;
import cn.govdata.policy.WorkingDayCalendar;

/**
 * What the lake recorded, read-only, for supervision (SUP-1, SUP-3): the datasets with their records and
 * whether the next aggregation is overdue, every delivery (applied batch) judged on time or late against the
 * entry's update cycle, the rows accepted out of those read, the open cross-department discrepancies and the
 * repeated collections not yet decided. Reads only the lake's own tables (the update cycle through the
 * published catalog); never changes anything.
 */
@Component
public class LakeFacts {

    /**
     * A dataset and its aggregation state as of a day (AGG-2).
     *
     * @param dueOn when the next delivery is due: one update cycle (or the accepted agreed period) after the
     *        last successful one, or after the dataset was created; null when the cycle is "other"
     */
    public record DatasetFact(long id, long entryId, String name, long regionId, long departmentId, long records,
            OffsetDateTime lastSuccessAt, LocalDate dueOn, boolean overdue) {
    }

    /** One applied batch, and whether it came within the cycle after the delivery before it. */
    public record Delivery(long batchId, long datasetId, long departmentId, LocalDate deliveredOn, LocalDate dueOn,
            boolean onTime, long rowsRead, long rowsAccepted) {
    }

    /** A value two departments hold differently for the same entity (AGG-6), open past or before its due date. */
    public record DiscrepancyFact(long id, long regionId, long departmentA, long departmentB, String itemLabel,
            String status, LocalDate foundOn, LocalDate dueOn) {
    }

    /**
     * A dataset collecting again a data element another department is the source of (AGG-3, AGG-8).
     *
     * @param status OPEN until the authority decides: ALLOWED, or SHARE_INSTEAD (use the source's data through
     *        sharing and stop collecting); LAPSED when the designation went away
     * @param decidedOn the day of the decision, null while open
     * @param stillCollected whether the dataset still has the data item as a live column
     */
    public record RepeatedCollectionFact(long id, long regionId, long departmentId, long sourceDepartmentId,
            String itemName, String elementName, String status, LocalDate foundOn, LocalDate decidedOn,
            boolean stillCollected) {
    }

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;
    private final WorkingDayCalendar calendar;

    LakeFacts(JdbcClient jdbc, PublishedCatalog catalog, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    public List<DatasetFact> datasets(long regionId, LocalDate today) {
        return datasets(regionId, today, null);
    }

    /** The datasets of some departments of a region (all when null). */
    public List<DatasetFact> datasets(long regionId, LocalDate today, Collection<Long> departments) {
        return jdbc.sql("""
                select d.id, d.entry_id, coalesce(d.table_name, ''), d.region_id, d.department_id, d.record_count,
                    d.last_success_at, d.created_at,
                    (select max(x.agreed_days) from lake_cycle_exception x
                     where x.dataset_id = d.id and x.status = 'ACCEPTED') agreed
                from lake_dataset d where d.region_id = ?""" + among("d.department_id", departments) + " order by d.id")
                .param(regionId)
                .query((rs, n) -> {
                    long entryId = rs.getLong(2);
                    OffsetDateTime last = rs.getObject(7, OffsetDateTime.class);
                    OffsetDateTime since = last != null ? last : rs.getObject(8, OffsetDateTime.class);
                    LocalDate due = AggregationStatus.dueAfter(calendar, dayOf(since), cycleOf(entryId), rs.getObject(9, Integer.class));
                    String name = catalog.byId(entryId).map(e -> e.content().name()).orElse(rs.getString(3));
                    return new DatasetFact(rs.getLong(1), entryId, name, rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            last, due, due != null && today.isAfter(due));
                }).list();
    }

    public Optional<DatasetFact> dataset(long regionId, long datasetId, LocalDate today) {
        return datasets(regionId, today).stream().filter(d -> d.id() == datasetId).findFirst();
    }

    /** The region's applied batches finished in a year, each judged against the cycle before it. */
    public List<Delivery> deliveries(long regionId, int year) {
        return deliveries(regionId, year, null);
    }

    /** The applied batches of some departments of a region (all when null) finished in a year. */
    public List<Delivery> deliveries(long regionId, int year, Collection<Long> departments) {
        record Row(long batchId, long datasetId, long entryId, long departmentId, OffsetDateTime finishedAt,
                OffsetDateTime datasetCreated, Integer agreed, long read, long accepted) {
        }
        List<Row> rows = jdbc.sql("""
                select b.id, b.dataset_id, d.entry_id, d.department_id, b.finished_at, d.created_at,
                    (select max(x.agreed_days) from lake_cycle_exception x
                     where x.dataset_id = d.id and x.status = 'ACCEPTED'), b.rows_read, b.rows_accepted
                from lake_batch b join lake_dataset d on d.id = b.dataset_id
                where d.region_id = ? and b.status = 'APPLIED' and b.finished_at is not null""" + among("d.department_id", departments)
                + " order by b.dataset_id, b.finished_at, b.id")
                .param(regionId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, Integer.class), rs.getLong(8), rs.getLong(9)))
                .list();
        List<Delivery> deliveries = new ArrayList<>();
        long dataset = -1;
        LocalDate previous = null;
        UpdateCycle cycle = UpdateCycle.OTHER;
        for (Row row : rows) {
            if (row.datasetId() != dataset) {
                dataset = row.datasetId();
                previous = dayOf(row.datasetCreated());
                cycle = cycleOf(row.entryId());
            }
            LocalDate delivered = dayOf(row.finishedAt());
            LocalDate due = AggregationStatus.dueAfter(calendar, previous, cycle, row.agreed());
            if (delivered.getYear() == year) {
                deliveries.add(new Delivery(row.batchId(), row.datasetId(), row.departmentId(), delivered, due,
                        due == null || !delivered.isAfter(due), row.read(), row.accepted()));
            }
            previous = delivered;
        }
        return deliveries;
    }

    public List<DiscrepancyFact> discrepancies(long regionId) {
        return discrepancies(regionId, null);
    }

    /** The discrepancies of a region involving some departments (all when null). */
    public List<DiscrepancyFact> discrepancies(long regionId, Collection<Long> departments) {
        String involving = departments == null ? ""
                : " and (department_a in (" + ids(departments) + ") or department_b in (" + ids(departments) + "))";
        return jdbc.sql("""
                select id, region_id, department_a, department_b, item_label, status, found_at, due_on
                from lake_discrepancy where region_id = ?""" + involving + " order by id")
                .param(regionId)
                .query((rs, n) -> new DiscrepancyFact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), dayOf(rs.getObject(7, OffsetDateTime.class)),
                        rs.getObject(8, LocalDate.class)))
                .list();
    }

    public List<RepeatedCollectionFact> repeatedCollections(long regionId) {
        return jdbc.sql("""
                select r.id, r.region_id, r.department_id, r.source_department_id, r.item_name, r.element_name,
                    r.status, r.found_at, r.decided_at,
                    exists (select 1 from lake_dataset_column c where c.dataset_id = r.dataset_id
                        and c.item_name = r.item_name and not c.retired)
                from lake_repeated_collection r where r.region_id = ? order by r.id""")
                .param(regionId)
                .query((rs, n) -> new RepeatedCollectionFact(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        dayOf(rs.getObject(8, OffsetDateTime.class)), dayOf(rs.getObject(9, OffsetDateTime.class)),
                        rs.getBoolean(10)))
                .list();
    }

    /**
     * The departments of a region whose datasets, deliveries, cycle exceptions or discrepancies were written after
     * {@code since}: what an incremental reading of the lake's facts has to read again. Records written without a
     * batch (real-time push, deletions) show in {@link #recordsByDepartment}.
     */
    public Set<Long> departmentsChangedSince(long regionId, OffsetDateTime since) {
        Set<Long> changed = new HashSet<>(jdbc.sql("""
                select distinct d.department_id from lake_dataset d where d.region_id = ?
                    and (d.created_at > ? or d.last_success_at > ?
                        or exists (select 1 from lake_cycle_exception x where x.dataset_id = d.id
                            and (x.filed_at > ? or x.decided_at > ?)))""")
                .params(regionId, since, since, since, since).query(Long.class).list());
        // by the batches' finishing time (indexed): the region's batches are the lake's largest table
        changed.addAll(jdbc.sql("""
                select distinct d.department_id from lake_batch b join lake_dataset d on d.id = b.dataset_id
                where b.finished_at > ? and d.region_id = ?""")
                .params(since, regionId).query(Long.class).list());
        jdbc.sql("""
                select department_a, department_b from lake_discrepancy where region_id = ?
                    and (found_at > ? or resolved_at > ? or closed_at > ?)""")
                .params(regionId, since, since, since)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list().forEach(changed::addAll);
        return changed;
    }

    /** The records each department of a region holds in the lake today. */
    public Map<Long, Long> recordsByDepartment(long regionId) {
        Map<Long, Long> records = new HashMap<>();
        jdbc.sql("select department_id, sum(record_count) from lake_dataset where region_id = ? group by department_id")
                .param(regionId).query(rs -> {
                    records.put(rs.getLong(1), rs.getLong(2));
                });
        return records;
    }

    /** A filter on department ids (numbers, so written into the statement), none when {@code departments} is null. */
    private static String among(String column, Collection<Long> departments) {
        if (departments == null) {
            return "";
        }
        return " and " + column + " in (" + ids(departments) + ")";
    }

    private static String ids(Collection<Long> departments) {
        return departments.isEmpty() ? "null" : departments.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private UpdateCycle cycleOf(long entryId) {
        return catalog.byId(entryId).map(e -> e.content().updateCycle()).orElse(UpdateCycle.OTHER);
    }

    private static LocalDate dayOf(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
    }
}
