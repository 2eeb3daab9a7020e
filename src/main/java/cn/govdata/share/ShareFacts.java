package cn.govdata.share;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.policy.WorkingDayCalendar;

/**
 * What sharing recorded, read-only, for supervision (SUP-1, SUP-3): the applications each providing department
 * received with their due date and answer, refusals with their basis, the grants in force, the records served
 * under them, and objections with their due date and settlement. Reads only the sharing tables; never changes
 * anything.
 */
@Component
public class ShareFacts {

    /**
     * A submitted application, as its provider has to answer it.
     *
     * @param status PENDING while unanswered, then APPROVED, REFUSED, COORDINATION or WITHDRAWN
     * @param answeredOn the day of the decision, null while pending
     * @param refusalBasis the kind of basis a refusal cited (law, regulation, …), null otherwise
     */
    public record ApplicationFact(long id, long regionId, long providerDepartmentId, long applicantDepartmentId,
            String entryName, String status, LocalDate submittedOn, LocalDate dueOn, LocalDate answeredOn,
            String refusalBasis) {

        public boolean overdue(LocalDate today) {
            return "PENDING".equals(status) && dueOn != null && today.isAfter(dueOn);
        }

        /** Answered, and by its due date when it had one. */
        public boolean answeredOnTime() {
            return answeredOn != null && (dueOn == null || !answeredOn.isAfter(dueOn));
        }
    }

    /** Grants in force at any time of a year and the records served under them in that year, per providing department. */
    public record ProviderUse(long providerDepartmentId, long activeGrants, long recordsServed, long requestsServed) {
    }

    /**
     * An objection to shared data (SHR objections).
     *
     * @param itemLabel the objected data item's Chinese name in the entry in force (its code when the entry no
     *        longer lists it)
     * @param status OPEN until the provider (or the authority) decides it
     */
    public record ObjectionFact(long id, long regionId, long providerDepartmentId, long raiserDepartmentId,
            String entryName, String itemLabel, String status, LocalDate raisedOn, LocalDate dueOn, LocalDate decidedOn) {

        public boolean overdue(LocalDate today) {
            return "OPEN".equals(status) && dueOn != null && today.isAfter(dueOn);
        }
    }

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;

    ShareFacts(JdbcClient jdbc, PublishedCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    private static final String APPLICATIONS = """
            select id, region_id, provider_department_id, applicant_department_id, entry_name, status,
                submitted_at, due_on, decided_at, refusal_basis_kind from share_application""";

    /** The region's applications that were submitted (drafts are not the provider's business yet). */
    public List<ApplicationFact> applications(long regionId) {
        return applications(regionId, null);
    }

    /** The submitted applications of a region to some providing departments (all when null). */
    public List<ApplicationFact> applications(long regionId, Collection<Long> providers) {
        return jdbc.sql(APPLICATIONS + " where region_id = ? and submitted_at is not null"
                + among("provider_department_id", providers) + " order by id")
                .param(regionId).query((rs, n) -> application(rs)).list();
    }

    public Optional<ApplicationFact> application(long id) {
        return jdbc.sql(APPLICATIONS + " where id = ? and submitted_at is not null").param(id)
                .query((rs, n) -> application(rs)).optional();
    }

    /**
     * Per providing department (of some; all when null): the grants in force at any time of a year (approved
     * before it ended, valid for part of it, not revoked before it began), and records and requests served in it.
     */
    public List<ProviderUse> uses(long regionId, int year, Collection<Long> providers) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        OffsetDateTime begins = first.atStartOfDay(WorkingDayCalendar.ZONE).toOffsetDateTime();
        OffsetDateTime ends = first.plusYears(1).atStartOfDay(WorkingDayCalendar.ZONE).toOffsetDateTime();
        return jdbc.sql("""
                select g.provider_department_id,
                    sum(case when g.approved_at < ? and g.valid_from <= ? and (g.valid_until is null or g.valid_until >= ?)
                        and (g.revoked_at is null or g.revoked_at >= ?) then 1 else 0 end),
                    coalesce(sum((select sum(u.records) from share_grant_usage u
                        where u.grant_id = g.id and u.usage_day between ? and ?)), 0),
                    coalesce(sum((select sum(u.requests) from share_grant_usage u
                        where u.grant_id = g.id and u.usage_day between ? and ?)), 0)
                from share_grant g where g.region_id = ?""" + among("g.provider_department_id", providers)
                + " group by g.provider_department_id")
                .params(ends, last, first, begins, first, last, first, last, regionId)
                .query((rs, n) -> new ProviderUse(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * The providing departments of a region whose applications or grants were written after {@code since}, or whose
     * pending applications fell due in [{@code lastDay}, {@code today}) and so turned overdue: what an incremental
     * reading of sharing's facts has to read again (usage, which carries no time, is compared by
     * {@link #servedSince}).
     */
    public Set<Long> departmentsChangedSince(long regionId, OffsetDateTime since, LocalDate lastDay, LocalDate today) {
        Set<Long> changed = new HashSet<>(jdbc.sql("""
                select distinct provider_department_id from share_application where region_id = ?
                    and submitted_at is not null and (updated_at > ? or submitted_at > ? or decided_at > ?
                        or stage_started_at > ? or (status = 'PENDING' and due_on >= ? and due_on < ?))""")
                .params(regionId, since, since, since, since, lastDay, today).query(Long.class).list());
        changed.addAll(jdbc.sql("""
                select distinct provider_department_id from share_grant where region_id = ?
                    and (approved_at > ? or revoked_at > ?)""")
                .params(regionId, since, since).query(Long.class).list());
        return changed;
    }

    /** Records and requests served from a day on (usage counts grow during the day and carry no time). */
    public record Served(long records, long requests) {
    }

    /** Per providing department of a region, what its grants served from {@code from} on. */
    public Map<Long, Served> servedSince(long regionId, LocalDate from) {
        Map<Long, Served> served = new HashMap<>();
        jdbc.sql("""
                select g.provider_department_id, sum(u.records), sum(u.requests) from share_grant_usage u
                join share_grant g on g.id = u.grant_id where g.region_id = ? and u.usage_day >= ?
                group by g.provider_department_id""")
                .params(regionId, from)
                .query(rs -> {
                    served.put(rs.getLong(1), new Served(rs.getLong(2), rs.getLong(3)));
                });
        return served;
    }

    /** A filter on department ids (numbers, so written into the statement), none when {@code departments} is null. */
    private static String among(String column, Collection<Long> departments) {
        if (departments == null) {
            return "";
        }
        return " and " + column + " in ("
                + (departments.isEmpty() ? "null" : departments.stream().map(String::valueOf).collect(Collectors.joining(", "))) + ")";
    }

    private static final String OBJECTIONS = """
            select id, region_id, provider_department_id, raiser_department_id, entry_name, item, status,
                raised_at, due_on, decided_at, entry_id from share_objection""";

    public List<ObjectionFact> objections(long regionId) {
        return jdbc.sql(OBJECTIONS + " where region_id = ? order by id").param(regionId)
                .query((rs, n) -> objection(rs)).list();
    }

    public Optional<ObjectionFact> objection(long id) {
        return jdbc.sql(OBJECTIONS + " where id = ?").param(id).query((rs, n) -> objection(rs)).optional();
    }

    private static ApplicationFact application(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApplicationFact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), dayOf(rs.getObject(7, OffsetDateTime.class)), rs.getObject(8, LocalDate.class),
                dayOf(rs.getObject(9, OffsetDateTime.class)), rs.getString(10));
    }

    private ObjectionFact objection(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ObjectionFact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                itemLabel(rs.getLong(11), rs.getString(6)), rs.getString(7), dayOf(rs.getObject(8, OffsetDateTime.class)),
                rs.getObject(9, LocalDate.class), dayOf(rs.getObject(10, OffsetDateTime.class)));
    }

    /** What a clerk reads for an item: its Chinese name in the entry in force, not its code. */
    private String itemLabel(long entryId, String item) {
        return catalog.byId(entryId).flatMap(e -> e.content().dataItems().stream()
                .filter(i -> i.name().equals(item)).map(DataItem::chineseName).findFirst()).orElse(item);
    }

    private static LocalDate dayOf(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
    }
}
