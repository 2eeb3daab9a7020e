package cn.govdata.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.security.MaskingRule;
import cn.govdata.share.ShareApplications.Application;
import cn.govdata.share.Timeline.By;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants (授权): who may use what, how, why and until when, and who approved it (SEC-2). Issued by an
 * unconditional request, a final approval or the authority's coordination; revoked at once by the provider's
 * or the authority's share approver; expired by themselves after their last day (Beijing time).
 */
@Service
class Grants {

    enum Origin { UNCONDITIONAL, APPROVAL, COORDINATION }

    enum Status { ACTIVE, SCHEDULED, EXPIRED, REVOKED }

    enum Side { CONSUMER, PROVIDER, AUTHORITY }

    /** A grant as the API shows it; {@code usedToday} counts the records delivered today under its quota. */
    record Grant(long id, long applicationId, long regionId, long entryId, String resourceCode, String entryName,
            long providerDepartmentId, String providerDepartmentName, long consumerDepartmentId,
            String consumerDepartmentName, Origin origin, List<String> items, RowFilter rowFilter, List<WayOfUse> ways,
            List<Long> systems, String purpose, String useScenario, String legalDuty, LocalDate validFrom,
            LocalDate validUntil, int rateLimit, long dailyQuota, String approvedBy, long approvedByDepartmentId,
            OffsetDateTime approvedAt, Status status, OffsetDateTime revokedAt, String revokedBy, String revokeReason,
            long usedToday, Map<String, MaskingRule> masking) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PublishedCatalog catalog;
    private final QuotaLedger ledger;

    Grants(JdbcClient jdbc, JsonMapper json, Directory directory, WorkingDayCalendar calendar, Timeline timeline,
            AuditLog audit, ApplicationEventPublisher events, PublishedCatalog catalog, QuotaLedger ledger) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.calendar = calendar;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Issues the grant of an application with the scope decided, in the decision's transaction. The approver
     * is null for an unconditional entry, whose publication in the catalog is its approval.
     */
    long issue(Application application, Scope scope, Origin origin, Actor approver, int defaultRate,
            long defaultQuota) {
        OffsetDateTime now = ShareClock.now();
        int rate = scope.rateLimit() == null ? defaultRate : scope.rateLimit();
        long quota = scope.dailyQuota() == null ? defaultQuota : scope.dailyQuota();
        long approvingDepartment = approver == null ? application.providerDepartmentId() : approver.departmentId();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_grant (application_id, region_id, entry_id, resource_code, entry_name,
                    provider_department_id, consumer_department_id, origin, items, row_filter, ways, systems, purpose,
                    use_scenario, legal_duty, valid_from, valid_until, rate_limit, daily_quota, approved_by,
                    approved_by_department_id, approved_at, masking)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(application.id(), application.regionId(), application.entryId(), application.resourceCode(),
                        application.entryName(), application.providerDepartmentId(),
                        application.applicantDepartmentId(), origin.name(), json.writeValueAsString(scope.items()),
                        json.writeValueAsString(scope.rowFilter()),
                        String.join(",", scope.ways().stream().map(Enum::name).toList()),
                        json.writeValueAsString(scope.systems()), application.purpose(), application.useScenario(),
                        application.legalDuty(), scope.periodFrom(), scope.periodTo(), rate, quota,
                        approver == null ? null : approver.name(), approvingDepartment, now,
                        json.writeValueAsString(masking(application.entryId(), scope.items())))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        By by = approver == null ? By.PLATFORM : new By(approver.name(), approver.departmentId());
        timeline.record(application.id(), Timeline.Type.GRANT_ISSUED, null, by, id,
                Map.of("items", scope.items(), "ways", scope.ways(), "validFrom", scope.periodFrom().toString(),
                        "validUntil", scope.periodTo() == null ? "" : scope.periodTo().toString(), "rateLimit", rate,
                        "dailyQuota", quota, "origin", origin.name()));
        audit.record(new AuditEvent("share.grant.issue", "share-grant", Long.toString(id), AuditOutcome.SUCCESS,
                application.resourceCode() + " to department " + application.applicantDepartmentId() + " ("
                        + origin + "): " + scope.items().size() + " items, " + scope.ways() + ", " + scope.periodFrom()
                        + " – " + (scope.periodTo() == null ? "open" : scope.periodTo()),
                application.purpose(), Long.toString(id)));
        events.publishEvent(new GrantIssued(id, application.entryId(), application.providerDepartmentId(),
                application.applicantDepartmentId()));
        return id;
    }

    /** A grant the caller may see: its consumer's and its provider's departments, and the authority's approver. */
    Grant get(Actor actor, long id) {
        Grant grant = find(id).orElseThrow(() -> DomainException.notFound("grant", id));
        if (!sees(actor, grant)) {
            throw DomainException.notFound("grant", id);
        }
        return grant;
    }

    static boolean sees(Actor actor, Grant grant) {
        return actor.departmentId() == grant.consumerDepartmentId() || actor.departmentId() == grant.providerDepartmentId()
                || ShareAccess.authorityApprover(actor, grant.regionId());
    }

    Optional<Grant> find(long id) {
        return query(" where id = ?", List.of(id)).stream().findFirst();
    }

    /**
     * The grants of one side: those the caller's department holds (CONSUMER), those on its entries (PROVIDER), or
     * the region's (AUTHORITY, its share approver only); optionally of one status, newest first.
     */
    List<Grant> list(Actor actor, String side, String status) {
        Side wanted = parse(Side.class, side == null || side.isBlank() ? "CONSUMER" : side, "side");
        Status state = status == null || status.isBlank() ? null : parse(Status.class, status, "status");
        List<Object> params = new ArrayList<>();
        String where = switch (wanted) {
            case CONSUMER -> {
                params.add(actor.departmentId());
                yield " where consumer_department_id = ?";
            }
            case PROVIDER -> {
                params.add(actor.departmentId());
                yield " where provider_department_id = ?";
            }
            case AUTHORITY -> {
                if (!ShareAccess.authorityApprover(actor, actor.regionId())) {
                    throw new DomainException(ProblemCode.FORBIDDEN);
                }
                params.add(actor.regionId());
                yield " where region_id = ?";
            }
        };
        if (state != null) {
            LocalDate today = calendar.today();
            where += switch (state) {
                case REVOKED -> " and revoked_at is not null";
                case EXPIRED -> " and revoked_at is null and valid_until < ?";
                case SCHEDULED -> " and revoked_at is null and valid_from > ?";
                case ACTIVE -> " and revoked_at is null and valid_from <= ? and (valid_until is null or valid_until >= ?)";
            };
            if (state == Status.EXPIRED || state == Status.SCHEDULED) {
                params.add(today);
            } else if (state == Status.ACTIVE) {
                params.add(today);
                params.add(today);
            }
        }
        return query(where + " order by id desc", params);
    }

    /** The grants a department holds for some entries, newest first (the share catalog view). */
    List<Grant> held(long consumerDepartmentId, Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(consumerDepartmentId);
        params.addAll(entryIds);
        return query(" where consumer_department_id = ? and entry_id in ("
                + String.join(", ", Collections.nCopies(entryIds.size(), "?")) + ") order by id desc", params);
    }

    /** Revokes a grant at once (the provider's or the authority's share approver), with a reason. */
    @Transactional
    Grant revoke(Actor actor, long id, String reason) {
        Grant grant = get(actor, id);
        if (!ShareAccess.providerApprover(actor, grant.providerDepartmentId())
                && !ShareAccess.authorityApprover(actor, grant.regionId())) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        List<cn.govdata.shared.Violation> violations = new ArrayList<>();
        String text = ShareRules.text(reason, "reason", ShareRules.TEXT_MAX, true, violations);
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_DECISION_INVALID, violations, violations.size());
        }
        int changed = jdbc.sql("""
                update share_grant set revoked_at = ?, revoked_by = ?, revoked_by_department_id = ?, revoke_reason = ?
                where id = ? and revoked_at is null""")
                .params(ShareClock.now(), actor.name(), actor.departmentId(), text, id).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.GRANT_STATE, id, ShareAccess.label("status.REVOKED"));
        }
        timeline.record(grant.applicationId(), Timeline.Type.GRANT_REVOKED, null,
                new By(actor.name(), actor.departmentId()), id, Map.of("reason", text));
        audit.record(new AuditEvent("share.grant.revoke", "share-grant", Long.toString(id), AuditOutcome.SUCCESS,
                grant.resourceCode() + " of department " + grant.consumerDepartmentId() + ": " + text, grant.purpose(),
                Long.toString(id)));
        events.publishEvent(new GrantRevoked(id, grant.entryId(), grant.consumerDepartmentId()));
        return find(id).orElseThrow();
    }

    Status status(LocalDate validFrom, LocalDate validUntil, OffsetDateTime revokedAt, LocalDate today) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (today.isBefore(validFrom)) {
            return Status.SCHEDULED;
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), value);
        }
    }

    /** Grants matching a condition on {@code share_grant} columns, each with today's usage. */
    List<Grant> query(String where, List<?> params) {
        // department names are looked up after the rows are read: a lookup inside the row mapper would hold two
        // pooled connections at once, and under load every request would wait for a second one
        List<Grant> rows = unnamed(where, params);
        Map<Long, String> names = new java.util.HashMap<>();
        return rows.stream().map(g -> named(g, names.computeIfAbsent(g.providerDepartmentId(), this::name),
                names.computeIfAbsent(g.consumerDepartmentId(), this::name))).toList();
    }

    /** As {@link #query}, without the departments' names: what authorising a use needs, on every request. */
    List<Grant> unnamed(String where, List<?> params) {
        List<Object> all = new ArrayList<>();
        all.add(calendar.today());
        all.addAll(params);
        return jdbc.sql(SELECT + where).params(all).query(this::map).list();
    }

    private static final String SELECT = """
            select g.*, (select u.records from share_grant_usage u where u.grant_id = g.id and u.usage_day = ?)
                as used_today from share_grant g""";

    /**
     * The desensitisation of each granted item: the rule its value standard, name and sensitivity suggest
     * (an ID number keeps its region and last four, a name its surname, …), so that no personal value leaves in
     * full unless the item carries none.
     */
    private Map<String, MaskingRule> masking(long entryId, List<String> items) {
        Map<String, MaskingRule> masking = new java.util.LinkedHashMap<>();
        catalog.byId(entryId).ifPresent(entry -> entry.content().dataItems().stream()
                .filter(item -> items.contains(item.name()))
                .forEach(item -> masking.put(item.name(), MaskingRule.suggestedFor(item.valueStandard(), item.name(),
                        item.chineseName(), item.sensitivity() == DataItem.Sensitivity.PERSONAL_INFORMATION))));
        return masking;
    }

    private Grant map(ResultSet rs, int n) throws SQLException {
        LocalDate validFrom = rs.getObject("valid_from", LocalDate.class);
        LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        long provider = rs.getLong("provider_department_id");
        long consumer = rs.getLong("consumer_department_id");
        String ways = rs.getString("ways");
        long used = rs.getLong("used_today") + ledger.unwritten(rs.getLong("id"));
        return new Grant(rs.getLong("id"), rs.getLong("application_id"), rs.getLong("region_id"),
                rs.getLong("entry_id"), rs.getString("resource_code"), rs.getString("entry_name"), provider,
                null, consumer, null, Origin.valueOf(rs.getString("origin")),
                json.readValue(rs.getString("items"), new TypeReference<List<String>>() {
                }), json.readValue(rs.getString("row_filter"), RowFilter.class),
                ways.isEmpty() ? List.of() : Arrays.stream(ways.split(",")).map(WayOfUse::valueOf).toList(),
                json.readValue(rs.getString("systems"), new TypeReference<List<Long>>() {
                }), rs.getString("purpose"), rs.getString("use_scenario"), rs.getString("legal_duty"), validFrom,
                validUntil, rs.getInt("rate_limit"), rs.getLong("daily_quota"), rs.getString("approved_by"),
                rs.getLong("approved_by_department_id"), rs.getObject("approved_at", OffsetDateTime.class),
                status(validFrom, validUntil, revokedAt, calendar.today()), revokedAt, rs.getString("revoked_by"),
                rs.getString("revoke_reason"), used, rs.getString("masking") == null ? Map.of()
                        : json.readValue(rs.getString("masking"), new TypeReference<Map<String, MaskingRule>>() {
                        }));
    }

    private static Grant named(Grant g, String provider, String consumer) {
        return new Grant(g.id(), g.applicationId(), g.regionId(), g.entryId(), g.resourceCode(), g.entryName(),
                g.providerDepartmentId(), provider, g.consumerDepartmentId(), consumer, g.origin(), g.items(),
                g.rowFilter(), g.ways(), g.systems(), g.purpose(), g.useScenario(), g.legalDuty(), g.validFrom(),
                g.validUntil(), g.rateLimit(), g.dailyQuota(), g.approvedBy(), g.approvedByDepartmentId(),
                g.approvedAt(), g.status(), g.revokedAt(), g.revokedBy(), g.revokeReason(), g.usedToday(), g.masking());
    }

    private String name(long departmentId) {
        return directory.department(departmentId).map(DepartmentInfo::name).orElse(null);
    }
}
