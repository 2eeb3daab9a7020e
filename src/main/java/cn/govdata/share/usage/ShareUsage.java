package cn.govdata.share.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.EnumParameter;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.share.grant.Grants.Side;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import jakarta.annotation.PreDestroy;

/**
 * The usage records of shared data (SEC-2): the provider sees who used its data and how much, the consumer
 * department its own use, the data authority the region's. Each use through the data access interfaces is
 * kept in {@code share_usage} with who, how, how many records and the shape of what was asked — never a value
 * of a record or of a claim (the audit log keeps the full detail for auditors); the daily totals are summed from
 * those rows. Each view names, with the grant a use fell under, its purpose and who approved it — the approver's
 * name as it was when the grant was issued, or for unconditional data that the catalog allowed it. The rows are written in batches a quarter of a second apart (the quota's own counts about once a
 * second); every usage view writes what is pending first.
 */
@Service
public class ShareUsage {

    /** Usage views cover at most this many days. */
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_USES = 500;
    static final int DEFAULT_USES = 50;

    /** How the data was used: by a connected system through the API, or by a user in the console. */
    enum Medium { API, CONSOLE }

    /**
     * One use, or identical uses within a quarter of a second ({@code requests} of them, the first at
     * {@code firstAt}): when, who (a user's login or a system's client id), how, how many records, what was asked.
     */
    record Use(long id, long grantId, OffsetDateTime firstAt, OffsetDateTime at, long requests, Actor.Kind actorKind,
            long actorId, String actor, long departmentId, WayOfUse way, long records, List<String> items,
            String query, Medium medium) {
    }

    /**
     * The use of one grant on one Beijing day, with the grant's purpose and who approved it ({@code approver}: a
     * person's name, or for unconditional data that the catalog allowed it; SEC-2).
     */
    record Day(LocalDate day, long grantId, long entryId, String resourceCode, String entryName,
            long providerDepartmentId, String providerDepartmentName, long consumerDepartmentId,
            String consumerDepartmentName, List<WayOfUse> ways, String purpose, String approver, long requests,
            long records) {
    }

    record Totals(long requests, long records, int grants, int providers, int consumers) {
    }

    record Report(Side side, LocalDate from, LocalDate to, Totals totals, List<Day> days) {
    }

    /** The individual uses of a grant, newest first, with what the grant is: its purpose and approver (SEC-2). */
    /** @param itemNames the Chinese name of each data item of the entry in force, by identifier, for the reader */
    record Uses(long grantId, String resourceCode, String entryName, String providerDepartmentName,
            String consumerDepartmentName, String purpose, String approver, int limit, List<Use> uses,
            Map<String, String> itemNames) {
    }

    /** Rows per insert batch when the uses are written. */
    private static final int FLUSH_BATCH = 500;

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;
    private final JdbcTemplate jdbcTemplate;
    private final Grants grants;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    /** Uses recorded and not yet written (one each, or summed by a write that failed). */
    private final Queue<Summed> unwritten = new ConcurrentLinkedQueue<>();

    ShareUsage(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Grants grants, Directory directory,
            WorkingDayCalendar calendar, PublishedCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.jdbcTemplate = jdbcTemplate;
        this.grants = grants;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** Who used a grant on which day, how, and the shape of what was asked: what identical uses have in common. */
    record Shape(long grantId, LocalDate day, Actor.Kind actorKind, long actorId, String actorName, long departmentId,
            WayOfUse way, String items, String query, Medium medium) {
    }

    /** Identical uses, as one row: when the first and the last were, how many, and their records. */
    record Summed(Shape shape, OffsetDateTime firstAt, OffsetDateTime lastAt, long requests, long records) {

        static Summed one(Shape shape, OffsetDateTime at, long records) {
            return new Summed(shape, at, at, 1, records);
        }

        Summed plus(Summed other) {
            return new Summed(shape, other.firstAt().isBefore(firstAt) ? other.firstAt() : firstAt,
                    other.lastAt().isAfter(lastAt) ? other.lastAt() : lastAt, requests + other.requests(),
                    records + other.records());
        }
    }

    /**
     * The uses of one write, identical ones summed, in the order their first was recorded: a service hall's system
     * verifying hundreds of ID numbers a second leaves one row per write, not hundreds (each use's value-level
     * detail is in its own audit entry).
     */
    static List<Summed> summed(List<Summed> uses) {
        Map<Shape, Summed> byShape = new LinkedHashMap<>();
        uses.forEach(use -> byShape.merge(use.shape(), use, Summed::plus));
        return List.copyOf(byShape.values());
    }

    /**
     * Records a use under a grant, after it was delivered and counted. It is written with the next flush, at most a
     * quarter of a second later, summed with the identical uses of that moment: one insert per request would cost
     * the busiest path of the platform more database time than the read it records. A crash may lose the last
     * quarter second of uses here; the audit entry of each use, written before its answer, is the durable record.
     *
     * @param records the records counted against the grant's daily quota for it
     * @param items the data items used
     * @param query the shape of what was asked (item names, matches, cursors), never a value
     */
    public void record(Actor actor, AuthorizedUse use, long records, List<String> items, String query) {
        unwritten.add(Summed.one(new Shape(use.grantId(), calendar.today(), actor.kind(), actor.id(), actor.name(),
                actor.departmentId(), use.way(), String.join(",", items),
                query.length() > 2000 ? query.substring(0, 1999) + "…" : query, medium(actor)), ShareClock.now(),
                records));
    }

    /** Writes the recorded uses; about four times a second, before every usage view, and at shutdown. */
    @Scheduled(fixedDelayString = "${govdata.share.usage-record-interval:PT0.25S}")
    @PreDestroy
    synchronized void flush() {
        List<Summed> taken = new ArrayList<>();
        for (Summed use = unwritten.poll(); use != null; use = unwritten.poll()) {
            taken.add(use);
        }
        List<Summed> rows = summed(taken);
        for (int from = 0; from < rows.size(); from += FLUSH_BATCH) {
            List<Summed> batch = rows.subList(from, Math.min(rows.size(), from + FLUSH_BATCH));
            try {
                write(batch);
            } catch (RuntimeException e) {
                unwritten.addAll(rows.subList(from, rows.size()));  // tried again with the next flush
                throw e;
            }
        }
    }

    private void write(List<Summed> rows) {
        jdbcTemplate.batchUpdate("""
                insert into share_usage (grant_id, first_used_at, used_at, usage_day, actor_kind, actor_id, actor_name,
                    department_id, way, requests, records, items, query, medium)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(row -> new Object[] {
                row.shape().grantId(), row.firstAt(), row.lastAt(), row.shape().day(), row.shape().actorKind().name(),
                row.shape().actorId(), row.shape().actorName(), row.shape().departmentId(), row.shape().way().name(),
                row.requests(), row.records(), row.shape().items(), row.shape().query(), row.shape().medium().name() })
                .toList());
    }

    static Medium medium(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM ? Medium.API : Medium.CONSOLE;
    }

    /**
     * The use per grant and day of one side: the grants the caller's department holds (CONSUMER), those on its
     * entries (PROVIDER), or the region's (AUTHORITY, a user of the region's data authority); between two
     * Beijing dates (default the last 30 days), newest day first, with totals.
     */
    Report report(Actor actor, String side, String from, String to) {
        SharePermissions.requireReadsUsage(actor);
        flush();
        Side wanted = EnumParameter.parse(Side.class, side == null || side.isBlank() ? "CONSUMER" : side, "side");
        LocalDate last = date(to, "to", calendar.today());
        LocalDate first = date(from, "from", last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("from"), first + " > " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("to"), "≤ " + MAX_DAYS);
        }
        List<Object> params = new ArrayList<>(List.of(first, last));
        String where = switch (wanted) {
            case CONSUMER -> {
                params.add(actor.departmentId());
                yield "g.consumer_department_id = ?";
            }
            case PROVIDER -> {
                params.add(actor.departmentId());
                yield "g.provider_department_id = ?";
            }
            case AUTHORITY -> {
                SharePermissions.requireReadsRegionUsage(actor);
                params.add(actor.regionId());
                yield "g.region_id = ?";
            }
        };
        List<Day> days = jdbc.sql("""
                select u.usage_day, sum(u.requests) as requests, sum(u.records) as records, g.id, g.entry_id,
                    g.resource_code, g.entry_name, g.provider_department_id, g.consumer_department_id, g.ways,
                    g.purpose, g.approved_by, g.approver_name
                from share_usage u join share_grant g on g.id = u.grant_id
                where u.usage_day between ? and ? and\s""" + where + """
                 group by u.usage_day, g.id, g.entry_id, g.resource_code, g.entry_name, g.provider_department_id,
                    g.consumer_department_id, g.ways, g.purpose, g.approved_by, g.approver_name
                order by u.usage_day desc, g.id desc""").params(params).query(this::day).list();
        Set<Long> grantIds = new HashSet<>();
        Set<Long> providers = new HashSet<>();
        Set<Long> consumers = new HashSet<>();
        long requests = 0;
        long records = 0;
        for (Day day : days) {
            grantIds.add(day.grantId());
            providers.add(day.providerDepartmentId());
            consumers.add(day.consumerDepartmentId());
            requests += day.requests();
            records += day.records();
        }
        return new Report(wanted, first, last,
                new Totals(requests, records, grantIds.size(), providers.size(), consumers.size()), days);
    }

    /**
     * The individual uses of a grant, newest first: for its consumer's and its provider's users and the users of
     * the region's data authority; anyone else gets 404, as for the grant itself.
     */
    Uses uses(Actor actor, long grantId, Integer limit) {
        SharePermissions.requireReadsUsage(actor);
        flush();
        int size = limit == null ? DEFAULT_USES : limit;
        if (size < 1 || size > MAX_USES) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("limit"), "1–" + MAX_USES);
        }
        Grant grant = grants.find(grantId).filter(g -> SharePermissions.seesUsage(actor, g.parties()))
                .orElseThrow(() -> DomainException.notFound("grant", grantId));
        List<Use> uses = jdbc.sql("select * from share_usage where grant_id = ? order by id desc limit ?")
                .params(grantId, size).query(ShareUsage::use).list();
        return new Uses(grant.id(), grant.resourceCode(), grant.entryName(), grant.providerDepartmentName(),
                grant.consumerDepartmentName(), grant.purpose(),
                Grants.approver(grant.approvedBy(), grant.approverName(), LocaleContextHolder.getLocale()), size, uses,
                itemNames(grant.entryId()));
    }

    private Map<String, String> itemNames(long entryId) {
        Map<String, String> names = new LinkedHashMap<>();
        catalog.byId(entryId).ifPresent(entry -> entry.content().dataItems().forEach(item -> names.put(item.name(),
                item.chineseName() == null || item.chineseName().isBlank() ? item.name() : item.chineseName())));
        return names;
    }

    private static LocalDate date(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), value);
        }
    }

    private Day day(ResultSet rs, int n) throws SQLException {
        long provider = rs.getLong("provider_department_id");
        long consumer = rs.getLong("consumer_department_id");
        String ways = rs.getString("ways");
        return new Day(rs.getObject("usage_day", LocalDate.class), rs.getLong("id"), rs.getLong("entry_id"),
                rs.getString("resource_code"), rs.getString("entry_name"), provider, name(provider), consumer,
                name(consumer),
                ways.isEmpty() ? List.of() : Arrays.stream(ways.split(",")).map(WayOfUse::valueOf).toList(),
                rs.getString("purpose"), Grants.approver(rs.getString("approved_by"), rs.getString("approver_name"),
                        LocaleContextHolder.getLocale()),
                rs.getLong("requests"), rs.getLong("records"));
    }

    private static Use use(ResultSet rs, int n) throws SQLException {
        String items = rs.getString("items");
        return new Use(rs.getLong("id"), rs.getLong("grant_id"), rs.getObject("first_used_at", OffsetDateTime.class),
                rs.getObject("used_at", OffsetDateTime.class), rs.getLong("requests"),
                Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getLong("actor_id"), rs.getString("actor_name"),
                rs.getLong("department_id"), WayOfUse.valueOf(rs.getString("way")), rs.getLong("records"),
                items.isEmpty() ? List.of() : List.of(items.split(",")), rs.getString("query"),
                Medium.valueOf(rs.getString("medium")));
    }

    private String name(long departmentId) {
        return directory.department(departmentId).map(DepartmentInfo::name).orElse(null);
    }
}
