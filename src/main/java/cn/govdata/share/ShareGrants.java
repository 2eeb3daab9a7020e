package cn.govdata.share;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.catalog.DataGrade;
import cn.govdata.catalog.GradeRules;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareLabels;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.share.grant.QuotaLedger;
import cn.govdata.share.grant.RateLedger;
import cn.govdata.shared.Actor;
import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ReadThroughCache;

/**
 * The grants as the data access interfaces (verification, query, exchange, subscription) enforce them: every
 * use of shared data is first authorised against the caller's grants, then counted against the grant's
 * daily quota and rate limit. A use stays within the purpose, data items, records and period of its grant
 * (SHR-3, SHR-6); a refusal says why, in the caller's language, and is audited.
 *
 * <p>Typical use by an interface:
 * <pre>{@code
 * AuthorizedUse use = shareGrants.authorize(actor, entryId, WayOfUse.QUERY, Set.of("xm", "gmsfhm"));
 * shareGrants.acquire(use.grantId());             // requests per second
 * ... read only use.items(), only records within use.conditions(), hand out only use.masked(...) ...
 * shareGrants.consume(use, delivered);           // records per day, before answering
 * audit: the usage record with use.purpose(), use.approvedBy(), use.grantId() (SEC-2)
 * }</pre>
 */
@Service
public class ShareGrants {

    /** Which department holds grants on which entry: authorising looks its grants up on every request. */
    record Holder(long departmentId, long entryId) {
    }

    private final Grants grants;
    private final PublishedCatalog catalog;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate independent;
    private final QuotaLedger ledger;
    /**
     * A department's grants on an entry, newest first. Dropped on every node when a grant is issued or revoked
     * (so a revocation takes effect at once everywhere) and after two seconds otherwise (a change behind the
     * platform's back, a drop a node did not hear). Statuses are worked out again at each use: a grant expires
     * by the date, not by the cache.
     */
    private final ReadThroughCache<Holder, List<Grant>> held;
    private final ConcurrentHashMap<Long, Integer> rateLimits = new ConcurrentHashMap<>();
    private final RateLedger rates;

    ShareGrants(Grants grants, PublishedCatalog catalog, ActivePolicy policy, AuditLog audit,
            WorkingDayCalendar calendar, PlatformTransactionManager transactions, QuotaLedger ledger,
            RateLedger rates, CacheDrops caches) {
        this.ledger = ledger;
        this.rates = rates;
        this.grants = grants;
        this.catalog = catalog;
        this.policy = policy;
        this.audit = audit;
        this.calendar = calendar;
        // a refusal is audited even when the caller's transaction rolls back because of it
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.held = caches.cache("share.grants", Duration.ofSeconds(2), 50_000);
    }

    @EventListener
    void onGrantIssued(GrantIssued event) {
        forget(event.consumerDepartmentId(), event.entryId());
    }

    @EventListener
    void onGrantRevoked(GrantRevoked event) {
        forget(event.consumerDepartmentId(), event.entryId());
    }

    /**
     * Drops what this node knows of a department's grants on an entry, now and when the transaction ends, and
     * tells the other nodes to drop theirs when it commits.
     */
    void forget(long consumerDepartmentId, long entryId) {
        held.forgetAfterCommit(new Holder(consumerDepartmentId, entryId));
    }

    private List<Grant> held(long departmentId, long entryId) {
        return held.get(new Holder(departmentId, entryId),
                holder -> grants.heldForAuthorizing(holder.departmentId(), holder.entryId()));
    }

    /**
     * Authorises a use of a catalog entry's data by the caller: a grant of the caller's department for the
     * entry that is not revoked, valid today (Beijing time), allows the way of use and every data item asked
     * for, and is for the caller (a system the grant names, or a data user of the department). Nothing is
     * changed; a refusal is audited in its own right, even if the caller's transaction then rolls back.
     *
     * @param items data item identifiers to be used; empty or null means every item the grant allows
     * @return the grant the use falls under, with the items, row filter, purpose and approver to apply
     * @throws DomainException {@code NO_GRANT}, {@code GRANT_REVOKED}, {@code GRANT_EXPIRED},
     *         {@code GRANT_NOT_YET_VALID}, {@code GRANT_DOES_NOT_COVER}, {@code GRANT_NOT_FOR_CALLER},
     *         {@code SHARE_TYPE_MISMATCH} (an unconditional grant whose entry is no longer unconditional),
     *         {@code GRADE_REFUSES_USE} (the entry's grade forbids the use, SEC-4), or
     *         {@code NOT_FOUND} (the entry is not published)
     */
    public AuthorizedUse authorize(Actor actor, long entryId, WayOfUse way, Set<String> items) {
        Decision decision = decide(actor, entryId, way, items);
        if (decision.use() == null) {
            throw refused(actor, entryId, way, decision.asked(), decision.closest(), decision.reason());
        }
        return decision.use();
    }

    /**
     * The use the caller's grants allow, as {@link #authorize} finds it, but without recording a refusal: for
     * showing a stored value (an objection's) only as the caller's grant lets it leave, where nothing is used.
     *
     * @return empty where {@link #authorize} would refuse
     */
    public Optional<AuthorizedUse> permitted(Actor actor, long entryId, WayOfUse way, Set<String> items) {
        return Optional.ofNullable(decide(actor, entryId, way, items).use());
    }

    /** The use allowed, or the refusal of the grant that came closest (none: the entry, or any grant, is missing). */
    private record Decision(AuthorizedUse use, Set<String> asked, Grant closest, DomainException reason) {
    }

    private Decision decide(Actor actor, long entryId, WayOfUse way, Set<String> items) {
        Set<String> asked = items == null ? Set.of() : new TreeSet<>(items);
        PublishedEntry entry = catalog.byId(entryId).filter(e -> e.regionId() == actor.regionId()).orElse(null);
        if (entry == null) {
            return new Decision(null, asked, null, new DomainException(ProblemCode.NOT_FOUND, "catalog entry", entryId));
        }
        List<Grant> held = held(actor.departmentId(), entryId);
        if (held.isEmpty()) {
            return new Decision(null, asked, null, new DomainException(ProblemCode.NO_GRANT, entry.resourceCode()));
        }
        int bestRank = -1;
        Grant closest = null;
        DomainException reason = null;
        LocalDate today = calendar.today();
        for (Grant grant : held) {
            int rank;
            DomainException why;
            switch (Grants.status(grant.validFrom(), grant.validUntil(), grant.revokedAt(), today)) {
                case REVOKED -> {
                    rank = 0;
                    why = new DomainException(ProblemCode.GRANT_REVOKED, grant.id());
                }
                case EXPIRED -> {
                    rank = 1;
                    why = new DomainException(ProblemCode.GRANT_EXPIRED, grant.id(), grant.validUntil().toString());
                }
                case SCHEDULED -> {
                    rank = 2;
                    why = new DomainException(ProblemCode.GRANT_NOT_YET_VALID, grant.id(), grant.validFrom().toString());
                }
                default -> {
                    Optional<LocalizedText> gradeRefusal = gradeRefusal(entry.content().grade(), grant, way);
                    if (!grant.ways().contains(way) || !grant.items().containsAll(asked)) {
                        rank = 3;
                        why = new DomainException(ProblemCode.GRANT_DOES_NOT_COVER, way,
                                asked.isEmpty() ? "*" : String.join(", ", asked));
                    } else if (!SharePermissions.usesGrant(actor, grant.systems())) {
                        rank = 4;
                        why = new DomainException(ProblemCode.GRANT_NOT_FOR_CALLER, grant.id());
                    } else if (grant.origin() == Grants.Origin.UNCONDITIONAL
                            && entry.content().shareType() != ShareType.UNCONDITIONAL) {
                        rank = 5;
                        var name = policy.profile().shareTypes().get(entry.content().shareType());
                        why = new DomainException(ProblemCode.SHARE_TYPE_MISMATCH, entry.resourceCode(),
                                new LocalizedText(name.zh(), name.en()), ShareLabels.of("mismatch.changed"));
                    } else if (gradeRefusal.isPresent()) {
                        rank = 6;
                        why = new DomainException(ProblemCode.GRADE_REFUSES_USE, entry.resourceCode(), gradeRefusal.get());
                    } else {
                        return new Decision(new AuthorizedUse(grant.id(), entryId, entry.resourceCode(),
                                grant.providerDepartmentId(), grant.consumerDepartmentId(), way,
                                asked.isEmpty() ? grant.items() : grant.items().stream().filter(asked::contains).toList(),
                                grant.rowFilter(), grant.purpose(), grant.approvedBy(), grant.approvedByDepartmentId(),
                                grant.validUntil(), grant.rateLimit(), grant.dailyQuota(), grant.masking()), asked, grant,
                                null);
                    }
                }
            }
            if (rank > bestRank) {
                bestRank = rank;
                closest = grant;
                reason = why;
            }
        }
        return new Decision(null, asked, closest, reason);
    }

    /**
     * Why the entry's grade forbids a use under a grant (SEC-4), checked at every use so that a grade raised after
     * the grant was issued holds at once: important and core data are never used under the implicit grant of
     * unconditional data, core data never leaves by exchange or push, important data only under an approved grant.
     */
    private static Optional<LocalizedText> gradeRefusal(DataGrade grade, Grant grant, WayOfUse way) {
        boolean approved = grant.origin() != Grants.Origin.UNCONDITIONAL;
        Optional<LocalizedText> unconditional = approved ? Optional.empty()
                : GradeRules.refusal(grade, GradeRules.Use.UNCONDITIONAL_SHARE, false);
        if (unconditional.isPresent()) {
            return unconditional;
        }
        return switch (way) {
            case EXCHANGE -> GradeRules.refusal(grade, GradeRules.Use.BULK_EXPORT, approved);
            case SUBSCRIPTION -> GradeRules.refusal(grade, GradeRules.Use.PUSH, approved);
            case VERIFICATION, QUERY -> Optional.empty();
        };
    }

    /**
     * Counts records delivered under a grant against its daily quota (records per Beijing day). All or
     * nothing: a delivery that would exceed the quota is refused and not counted, so that the interface
     * delivers less or nothing.
     *
     * @return the records that remain today after this delivery
     * @throws DomainException {@code QUOTA_EXHAUSTED} (429), {@code GRANT_REVOKED}, {@code NOT_FOUND}
     */
    public long consume(long grantId, long records) {
        Grant grant = grants.find(grantId).orElseThrow(() -> DomainException.notFound("grant", grantId));
        if (grant.status() == Grants.Status.REVOKED) {
            throw new DomainException(ProblemCode.GRANT_REVOKED, grantId);
        }
        return consume(grantId, grant.dailyQuota(), records);
    }

    /** As {@link #consume(long, long)}, for a use just authorised: the grant is not read again. */
    public long consume(AuthorizedUse use, long records) {
        return consume(use.grantId(), use.dailyQuota(), records);
    }

    private long consume(long grantId, long quota, long records) {
        if (records < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("records"), records);
        }
        return ledger.take(grantId, quota, records);
    }

    /**
     * Takes one request from the grant's rate limit (requests per second, counted across the cluster by
     * {@link RateLedger}: never more than the limit, and up to a tenth of it less per other busy node).
     *
     * @throws DomainException {@code RATE_LIMITED} (429), {@code NOT_FOUND}
     */
    public void acquire(long grantId) {
        int limit = rateLimits.computeIfAbsent(grantId, id -> grants.find(id).map(Grant::rateLimit)
                .orElseThrow(() -> DomainException.notFound("grant", id)));
        if (!rates.take(grantId, limit)) {
            throw new DomainException(ProblemCode.RATE_LIMITED, grantId, limit);
        }
    }

    /** Audits a refused use (who, what, which grant came closest) and returns the refusal to throw. */
    private DomainException refused(Actor actor, long entryId, WayOfUse way, Set<String> asked, Grant closest,
            DomainException reason) {
        List<String> detail = new ArrayList<>();
        detail.add(reason.code().name());
        detail.add(String.valueOf(way));
        detail.add("items " + (asked.isEmpty() ? "*" : String.join(",", asked)));
        AuditEvent event = new AuditEvent(ShareAuditAction.AUTHORIZE, "catalog-entry", Long.toString(entryId),
                AuditOutcome.FAILURE, String.join(" ", detail), closest == null ? null : closest.purpose(),
                closest == null ? null : Long.toString(closest.id()));
        independent.executeWithoutResult(status -> audit.record(event,
                new AuditActor(actor.name(), actor.departmentId(), null)));
        return reason;
    }
}
