package cn.govdata.share.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.catalog.GradeRules;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.org.Accounts;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.MaskingRule;
import cn.govdata.share.GrantIssued;
import cn.govdata.share.GrantRevoked;
import cn.govdata.share.RowFilter;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.EnumParameter;
import cn.govdata.share.common.Parties;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.ShareLabels;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.common.StatedText;
import cn.govdata.share.signature.DecisionSignatures;
import cn.govdata.share.signature.DecisionSignatures.Decision;
import cn.govdata.share.signature.DecisionSignatures.SignedDecision;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants (授权): who may use what, how, why and until when, and who approved it (SEC-2). Issued by an
 * unconditional request, a final approval or the authority's coordination ({@link GrantTerms}); revoked at once by
 * the provider's or the authority's share approver; expired by themselves after their last day (Beijing time).
 * Issue and revocation are published ({@link GrantIssued}, {@link GrantRevoked}) within the deciding transaction.
 */
@Service
public class Grants {

    public enum Origin { UNCONDITIONAL, APPROVAL, COORDINATION }

    public enum Status { ACTIVE, SCHEDULED, EXPIRED, REVOKED }

    public enum Side { CONSUMER, PROVIDER, AUTHORITY }

    /**
     * A grant as the API shows it; {@code usedToday} counts the records delivered today under its quota.
     * {@code approvedBy} is the approver's login and {@code approverName} its name as people read it (both null for an
     * unconditional entry, see {@link #approver}).
     */
    public record Grant(long id, long applicationId, long regionId, long entryId, String resourceCode,
            String entryName, long providerDepartmentId, String providerDepartmentName, long consumerDepartmentId,
            String consumerDepartmentName, Origin origin, List<String> items, RowFilter rowFilter, List<WayOfUse> ways,
            List<Long> systems, String purpose, String useScenario, String legalDuty, LocalDate validFrom,
            LocalDate validUntil, int rateLimit, long dailyQuota, String approvedBy, String approverName,
            long approvedByDepartmentId, OffsetDateTime approvedAt, Status status, OffsetDateTime revokedAt,
            String revokedBy, Long revokedByDepartmentId, String revokeReason, long usedToday,
            Map<String, MaskingRule> masking) {

        /** Whom the grant is between, for {@link SharePermissions}. */
        public Parties parties() {
            return new Parties(regionId, providerDepartmentId, consumerDepartmentId);
        }
    }

    /** Who approved an unconditional grant: nobody in person, the entry's publication in the catalog. */
    public static final LocalizedText APPROVED_BY_CATALOG = new LocalizedText("无条件共享，目录发布即批准",
            "unconditionally shared: publishing the entry in the catalog approved it");

    /**
     * Who approved a grant, as the usage records name it (SEC-2): the approver's name (its login where the name is
     * unknown), or for unconditional data that the catalog allowed it, in the given language.
     */
    public static String approver(String approvedBy, String approverName, Locale language) {
        if (approvedBy == null) {
            return APPROVED_BY_CATALOG.in(language);
        }
        return approverName == null ? approvedBy : approverName;
    }

    /** A grant past its last day whose expiry was just noted, and the application it answers. */
    public record Expired(long grantId, long applicationId) {
    }

    private static final String SELECT = """
            select g.*, (select u.records from share_grant_usage u where u.grant_id = g.id and u.usage_day = ?)
                as used_today from share_grant g""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PublishedCatalog catalog;
    private final QuotaLedger ledger;
    private final Accounts accounts;
    private final DecisionSignatures signatures;

    Grants(JdbcClient jdbc, JsonMapper json, Directory directory, WorkingDayCalendar calendar, AuditLog audit,
            ApplicationEventPublisher events, PublishedCatalog catalog, QuotaLedger ledger, Accounts accounts,
            DecisionSignatures signatures) {
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.catalog = catalog;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /** What a grant's signature covers (SEC-7): the terms granted, the parties aside (they are in the application). */
    private static Map<String, Object> signedTerms(GrantTerms terms) {
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("resourceCode", terms.resourceCode());
        signed.put("items", terms.items());
        signed.put("rowFilter", terms.rowFilter());
        signed.put("ways", terms.ways());
        signed.put("systems", terms.systems());
        signed.put("purpose", terms.purpose());
        signed.put("validFrom", terms.validFrom());
        signed.put("validUntil", terms.validUntil());
        signed.put("rateLimit", terms.rateLimit());
        signed.put("dailyQuota", terms.dailyQuota());
        signed.put("origin", terms.origin());
        return signed;
    }

    /** Issues a grant on the terms decided, in the decision's transaction. */
    public Grant issue(GrantTerms terms) {
        OffsetDateTime now = ShareClock.now();
        Actor approver = terms.approver();
        long approvingDepartment = approver == null ? terms.providerDepartmentId() : approver.departmentId();
        // the name as it was when the grant was approved: the usage records name the approver by it
        String approverName = approver == null ? null
                : accounts.status(approver.id()).map(Accounts.AccountStatus::displayName).orElse(approver.name());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_grant (application_id, region_id, entry_id, resource_code, entry_name,
                    provider_department_id, consumer_department_id, origin, items, row_filter, ways, systems, purpose,
                    use_scenario, legal_duty, valid_from, valid_until, rate_limit, daily_quota, approved_by,
                    approver_name, approved_by_department_id, approved_at, masking)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(terms.applicationId(), terms.regionId(), terms.entryId(), terms.resourceCode(),
                        terms.entryName(), terms.providerDepartmentId(), terms.consumerDepartmentId(),
                        terms.origin().name(), json.writeValueAsString(terms.items()),
                        json.writeValueAsString(terms.rowFilter()),
                        String.join(",", terms.ways().stream().map(Enum::name).toList()),
                        json.writeValueAsString(terms.systems()), terms.purpose(), terms.useScenario(),
                        terms.legalDuty(), terms.validFrom(), terms.validUntil(), terms.rateLimit(),
                        terms.dailyQuota(), approver == null ? null : approver.name(), approverName,
                        approvingDepartment, now,
                        json.writeValueAsString(masking(terms.entryId(), terms.items())))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(new AuditEvent(ShareAuditAction.GRANT_ISSUE, "share-grant", Long.toString(id),
                AuditOutcome.SUCCESS, terms.resourceCode() + " to department " + terms.consumerDepartmentId() + " ("
                        + terms.origin() + "): " + terms.items().size() + " items, " + terms.ways() + ", "
                        + terms.validFrom() + " – " + (terms.validUntil() == null ? "open" : terms.validUntil()),
                terms.purpose(), Long.toString(id)));
        signatures.sign(new SignedDecision(terms.applicationId(), id, Decision.GRANT, null, signedTerms(terms),
                approver == null ? null : approver.name(), approver == null ? null : approver.departmentId(), now,
                new Parties(terms.regionId(), terms.providerDepartmentId(), terms.consumerDepartmentId())));
        events.publishEvent(new GrantIssued(id, terms.entryId(), terms.providerDepartmentId(),
                terms.consumerDepartmentId()));
        return find(id).orElseThrow();
    }

    /** Revokes a grant at once (the provider's or the authority's share approver), with a reason. */
    @Transactional
    public Grant revoke(Actor actor, long id, String reason) {
        Grant grant = get(actor, id);
        SharePermissions.requireRevokes(actor, grant.parties());
        List<Violation> violations = new ArrayList<>();
        String text = StatedText.of(reason, "reason", StatedText.MAX, true, violations);
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_DECISION_INVALID, violations, violations.size());
        }
        int changed = jdbc.sql("""
                update share_grant set revoked_at = ?, revoked_by = ?, revoked_by_department_id = ?, revoke_reason = ?
                where id = ? and revoked_at is null""")
                .params(ShareClock.now(), actor.name(), actor.departmentId(), text, id).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.GRANT_STATE, id, ShareLabels.of("status.REVOKED"));
        }
        audit.record(new AuditEvent(ShareAuditAction.GRANT_REVOKE, "share-grant", Long.toString(id),
                AuditOutcome.SUCCESS, grant.resourceCode() + " of department " + grant.consumerDepartmentId() + ": "
                        + text, grant.purpose(), Long.toString(id)));
        events.publishEvent(new GrantRevoked(id, grant.entryId(), grant.consumerDepartmentId()));
        return find(id).orElseThrow();
    }

    // --- finding grants ---------------------------------------------------------------------------------------

    /** A grant the caller may see ({@link SharePermissions#seesGrant}); 404 otherwise. */
    public Grant get(Actor actor, long id) {
        return find(id).filter(grant -> SharePermissions.seesGrant(actor, grant.parties()))
                .orElseThrow(() -> DomainException.notFound("grant", id));
    }

    public Optional<Grant> find(long id) {
        return query(" where id = ?", List.of(id)).stream().findFirst();
    }

    /**
     * The grants of one side: those the caller's department holds (CONSUMER), those on its entries (PROVIDER), or
     * the region's (AUTHORITY, its share approver only); optionally of one status, newest first.
     */
    public List<Grant> list(Actor actor, String side, String status) {
        Side wanted = EnumParameter.parse(Side.class, side == null || side.isBlank() ? "CONSUMER" : side, "side");
        Status state = status == null || status.isBlank() ? null : EnumParameter.parse(Status.class, status, "status");
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
                SharePermissions.requireOverseesRegion(actor);
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

    /** The grants a department holds on an entry, newest first, with the departments' names. */
    public List<Grant> held(long consumerDepartmentId, long entryId) {
        return query(" where consumer_department_id = ? and entry_id = ? order by id desc",
                List.of(consumerDepartmentId, entryId));
    }

    /**
     * As {@link #held(long, long)}, without the departments' names: what authorising a use needs, on every request.
     */
    public List<Grant> heldForAuthorizing(long consumerDepartmentId, long entryId) {
        return unnamed(" where consumer_department_id = ? and entry_id = ? order by id desc",
                List.of(consumerDepartmentId, entryId));
    }

    /** The grants a department holds for some entries, newest first (the share catalog view). */
    public List<Grant> held(long consumerDepartmentId, Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(consumerDepartmentId);
        params.addAll(entryIds);
        return query(" where consumer_department_id = ? and entry_id in (" + placeholders(entryIds.size())
                + ") order by id desc", params);
    }

    /** The ids of the grants each of some applications resulted in, oldest first. */
    public Map<Long, List<Long>> idsByApplication(Collection<Long> applicationIds) {
        Map<Long, List<Long>> ids = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select application_id, id from share_grant where application_id in ("
                + placeholders(applicationIds.size()) + ") order by id").params(List.copyOf(applicationIds))
                .query((RowCallbackHandler) rs -> ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)));
        return ids;
    }

    /**
     * Notes the expiry of every grant past its last day not yet noted, each once even with several nodes (the
     * marking update decides which node notes it); expiry itself needs no job, every use checks the date.
     */
    public List<Expired> noteExpired(LocalDate today, OffsetDateTime now) {
        List<Expired> lapsed = jdbc.sql("""
                select id, application_id from share_grant
                where revoked_at is null and valid_until < ? and expiry_noted_at is null""")
                .param(today).query((rs, n) -> new Expired(rs.getLong(1), rs.getLong(2))).list();
        return lapsed.stream().filter(grant -> jdbc.sql(
                "update share_grant set expiry_noted_at = ? where id = ? and expiry_noted_at is null")
                .params(now, grant.grantId()).update() == 1).toList();
    }

    /** A grant's status on a day: revoked, not yet valid, past its last day, or active. */
    public static Status status(LocalDate validFrom, LocalDate validUntil, OffsetDateTime revokedAt, LocalDate today) {
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

    // --- rows -------------------------------------------------------------------------------------------------

    /** Grants matching a condition on {@code share_grant} columns, each with today's usage and departments' names. */
    private List<Grant> query(String where, List<?> params) {
        // department names are looked up after the rows are read: a lookup inside the row mapper would hold two
        // pooled connections at once, and under load every request would wait for a second one
        List<Grant> rows = unnamed(where, params);
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(g -> named(g, names.computeIfAbsent(g.providerDepartmentId(), this::name),
                names.computeIfAbsent(g.consumerDepartmentId(), this::name))).toList();
    }

    private List<Grant> unnamed(String where, List<?> params) {
        List<Object> all = new ArrayList<>();
        all.add(calendar.today());
        all.addAll(params);
        return jdbc.sql(SELECT + where).params(all).query(this::map).list();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * The desensitisation of each granted item: the rule its value standard, name and sensitivity suggest
     * (an ID number keeps its region and last four, a name its surname, …), so that no personal value leaves in
     * full unless the item carries none.
     */
    private Map<String, MaskingRule> masking(long entryId, List<String> items) {
        Map<String, MaskingRule> masking = new LinkedHashMap<>();
        catalog.byId(entryId).ifPresent(entry -> entry.content().dataItems().stream()
                .filter(item -> items.contains(item.name()))
                .forEach(item -> masking.put(item.name(), GradeRules.defaultMasking(item))));
        return masking;
    }

    private Grant map(ResultSet rs, int n) throws SQLException {
        LocalDate validFrom = rs.getObject("valid_from", LocalDate.class);
        LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        String ways = rs.getString("ways");
        long used = rs.getLong("used_today") + ledger.unwritten(rs.getLong("id"));
        return new Grant(rs.getLong("id"), rs.getLong("application_id"), rs.getLong("region_id"),
                rs.getLong("entry_id"), rs.getString("resource_code"), rs.getString("entry_name"),
                rs.getLong("provider_department_id"), null, rs.getLong("consumer_department_id"), null,
                Origin.valueOf(rs.getString("origin")),
                json.readValue(rs.getString("items"), new TypeReference<List<String>>() {
                }), json.readValue(rs.getString("row_filter"), RowFilter.class),
                ways.isEmpty() ? List.of() : Arrays.stream(ways.split(",")).map(WayOfUse::valueOf).toList(),
                json.readValue(rs.getString("systems"), new TypeReference<List<Long>>() {
                }), rs.getString("purpose"), rs.getString("use_scenario"), rs.getString("legal_duty"), validFrom,
                validUntil, rs.getInt("rate_limit"), rs.getLong("daily_quota"), rs.getString("approved_by"),
                rs.getString("approver_name"), rs.getLong("approved_by_department_id"),
                rs.getObject("approved_at", OffsetDateTime.class),
                status(validFrom, validUntil, revokedAt, calendar.today()), revokedAt, rs.getString("revoked_by"),
                rs.getObject("revoked_by_department_id", Long.class), rs.getString("revoke_reason"), used,
                rs.getString("masking") == null ? Map.of()
                        : json.readValue(rs.getString("masking"), new TypeReference<Map<String, MaskingRule>>() {
                        }));
    }

    private static Grant named(Grant g, String provider, String consumer) {
        return new Grant(g.id(), g.applicationId(), g.regionId(), g.entryId(), g.resourceCode(), g.entryName(),
                g.providerDepartmentId(), provider, g.consumerDepartmentId(), consumer, g.origin(), g.items(),
                g.rowFilter(), g.ways(), g.systems(), g.purpose(), g.useScenario(), g.legalDuty(), g.validFrom(),
                g.validUntil(), g.rateLimit(), g.dailyQuota(), g.approvedBy(), g.approverName(),
                g.approvedByDepartmentId(), g.approvedAt(), g.status(), g.revokedAt(), g.revokedBy(),
                g.revokedByDepartmentId(), g.revokeReason(), g.usedToday(), g.masking());
    }

    private String name(long departmentId) {
        return directory.department(departmentId).map(DepartmentInfo::name).orElse(null);
    }
}
