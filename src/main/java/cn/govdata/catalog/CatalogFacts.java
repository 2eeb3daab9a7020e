package cn.govdata.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the catalog recorded, read-only, for supervision (SUP-1, SUP-3): the published entries per department by
 * share and open type, and the update obligations with their due dates and when they were met or that they are
 * still open. Reads only the catalog's own tables; never changes anything.
 */
@Component
public class CatalogFacts {

    /** Published, not retired entries of one department with one share and open type. */
    public record EntryCount(long departmentId, String shareType, String openType, long entries) {
    }

    /**
     * An update obligation (CAT-4).
     *
     * @param dueOn the day the update (or, without a report step, the submission) was due; null for "in time"
     * @param reportDueOn with a report step (AB17), the day the report to the authority was due
     * @param metOn the day the obligation was met (submitted), null while open
     * @param overdue still open and past its due date on the given day
     */
    public record Obligation(long id, long regionId, long departmentId, Long entryId, String description,
            LocalDate triggerDate, LocalDate dueOn, LocalDate reportDueOn, String status, LocalDate metOn,
            boolean overdue) {

        /** Met, and by its due date (an obligation without a due date is on time when met). */
        public boolean metOnTime() {
            return metOn != null && (dueOn == null || !metOn.isAfter(dueOn))
                    && (reportDueOn == null || !metOn.isAfter(reportDueOn));
        }
    }

    /**
     * An entry as its department last wrote it, drafted or published, for the checks of an information project
     * (CAT-10).
     *
     * @param latestState the state of its latest version (DRAFT, SUBMITTED, RETURNED, PUBLISHED)
     * @param latest what its latest version says
     * @param published what its version in force says, null when never published
     */
    public record EntryState(long id, String resourceCode, long regionId, long departmentId, boolean retired,
            String latestState, EntryContent latest, EntryContent published, OffsetDateTime publishedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogFacts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The entry of a region with this resource code, whatever its state. */
    public java.util.Optional<EntryState> entry(long regionId, String resourceCode) {
        return jdbc.sql("""
                select e.id, e.resource_code, e.region_id, e.department_id, e.retired, l.state, l.content, p.content,
                    p.reviewed_at
                from catalog_entry e join catalog_version l on l.entry_id = e.id and l.version = e.latest_version
                left join catalog_version p on p.entry_id = e.id and p.version = e.published_version
                where e.region_id = ? and e.resource_code = ?""")
                .params(regionId, resourceCode)
                .query((rs, n) -> new EntryState(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5), rs.getString(6), json.readValue(rs.getString(7), EntryContent.class),
                        rs.getString(8) == null ? null : json.readValue(rs.getString(8), EntryContent.class),
                        rs.getObject(9, OffsetDateTime.class)))
                .optional();
    }

    /**
     * The entries of a region (of the given departments; all when null) published by the end of a year and not
     * retired by then, counted by the share and open type of their version in force today (the catalog keeps no
     * earlier share type once a version is superseded; a year still running reads as today).
     */
    public List<EntryCount> publishedEntries(long regionId, int year, Collection<Long> departments) {
        OffsetDateTime yearOver = LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkingDayCalendar.ZONE).toOffsetDateTime();
        return jdbc.sql("""
                select e.department_id, v.share_type, v.open_type, count(*) from catalog_entry e
                join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where e.region_id = ? and e.published_version is not null and (not e.retired or e.retired_at >= ?)
                    and exists (select 1 from catalog_version f where f.entry_id = e.id
                        and f.state in ('PUBLISHED', 'SUPERSEDED')
                        and coalesce(f.reviewed_at, f.submitted_at, f.created_at) < ?)""" + among("e.department_id", departments)
                + " group by e.department_id, v.share_type, v.open_type")
                .params(regionId, yearOver, yearOver)
                .query((rs, n) -> new EntryCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /**
     * The departments of a region whose entries or update obligations were written after {@code since}, or whose
     * open obligations fell due in [{@code lastDay}, {@code today}) and so turned overdue: what an incremental
     * reading of the catalog's facts has to read again.
     */
    public Set<Long> departmentsChangedSince(long regionId, OffsetDateTime since, LocalDate lastDay, LocalDate today) {
        Set<Long> changed = new HashSet<>(jdbc.sql(
                "select distinct department_id from catalog_entry where region_id = ? and updated_at > ?")
                .params(regionId, since).query(Long.class).list());
        changed.addAll(jdbc.sql("""
                select distinct department_id from catalog_obligation where region_id = ?
                    and (recorded_at > ? or submitted_at > ? or fulfilled_at > ? or updated_on >= ?
                        or (status = 'OPEN' and ((due_date >= ? and due_date < ?)
                            or (report_due_date >= ? and report_due_date < ?))))""")
                .params(regionId, since, since, since, lastDay, lastDay, today, lastDay, today)
                .query(Long.class).list());
        return changed;
    }

    /** The region's update obligations, judged as of {@code today}. */
    public List<Obligation> obligations(long regionId, LocalDate today) {
        return obligations(regionId, today, null);
    }

    /** The update obligations of some departments of a region (all when null), judged as of {@code today}. */
    public List<Obligation> obligations(long regionId, LocalDate today, Collection<Long> departments) {
        return jdbc.sql("select * from catalog_obligation where region_id = ?" + among("department_id", departments)
                + " order by id").param(regionId)
                .query((rs, n) -> obligation(rs, today)).list();
    }

    /** A filter on department ids (numbers, so written into the statement), none when {@code departments} is null. */
    private static String among(String column, Collection<Long> departments) {
        if (departments == null) {
            return "";
        }
        return " and " + column + " in ("
                + (departments.isEmpty() ? "null" : departments.stream().map(String::valueOf).collect(Collectors.joining(", "))) + ")";
    }

    public java.util.Optional<Obligation> obligation(long id, LocalDate today) {
        return jdbc.sql("select * from catalog_obligation where id = ?").param(id)
                .query((rs, n) -> obligation(rs, today)).optional();
    }

    // the same reading of due dates as the catalog's own obligation list: with a report step the due date is
    // for the update and the report has its own; without one the due date is for the submission
    private static Obligation obligation(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        LocalDate updatedOn = rs.getObject("updated_on", LocalDate.class);
        LocalDate reportDue = rs.getObject("report_due_date", LocalDate.class);
        String status = rs.getString("status");
        OffsetDateTime submittedAt = rs.getObject("submitted_at", OffsetDateTime.class);
        LocalDate submittedOn = submittedAt == null ? null
                : submittedAt.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
        boolean reportStep = rs.getObject("report_working_days", Integer.class) != null;
        LocalDate updateMadeOn = reportStep ? updatedOn : submittedOn;
        boolean overdue = "OPEN".equals(status) && ((due != null && updateMadeOn == null && today.isAfter(due))
                || (reportDue != null && today.isAfter(reportDue)));
        return new Obligation(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("department_id"),
                rs.getObject("entry_id", Long.class), rs.getString("description"),
                rs.getObject("trigger_date", LocalDate.class), due, reportDue, status, submittedOn, overdue);
    }
}
