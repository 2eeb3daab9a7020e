package cn.govdata.open.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.application.GrantUses;
import cn.govdata.open.application.OpenGrants;
import cn.govdata.open.release.OpenAccess;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Revenue from the authorised development of open data (OPN-8, FZ19 FZ21): the data authority's catalog reviewer
 * records what one grantee's product earned in a period and from what source, naming the open grants (approved
 * applications) it was built on; the platform shares it between the providing departments by contribution — the
 * downloads and API calls counted under each department's grants in the period ({@link Allocation}) — and keeps the
 * shares as computed then. The authority sees its region's revenue, a department the revenue it has a share of.
 */
@Service
class Revenues {

    /** What the authority records; the amount in yuan with at most two decimals. */
    record Recording(List<Long> grants, BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, String source) {
    }

    static final int MAX_GRANTS = 50;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final RevenueRecords records;
    private final OpenGrants grants;
    private final GrantUses uses;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    Revenues(RevenueRecords records, OpenGrants grants, GrantUses uses, WorkingDayCalendar calendar, AuditLog audit) {
        this.records = records;
        this.grants = grants;
        this.uses = uses;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    Revenue record(Actor actor, Recording recording) {
        OpenAccess.requireConfirmer(actor, actor.regionId());
        BigDecimal amount = amount(recording.amount());
        if (recording.periodStart() == null || recording.periodEnd() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.revenuePeriod"));
        }
        if (recording.periodEnd().isBefore(recording.periodStart())
                || recording.periodEnd().isAfter(calendar.today())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.revenuePeriod"),
                    recording.periodStart() + "–" + recording.periodEnd());
        }
        String source = FreeText.required(recording.source(), 500, "revenueSource");
        if (recording.grants() == null || recording.grants().isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.grants"));
        }
        Set<Long> named = new LinkedHashSet<>(recording.grants());
        if (named.size() > MAX_GRANTS || named.contains(null)) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.grants"), named.size());
        }
        List<Revenue.GrantPart> parts = new ArrayList<>();
        Map<Long, Long> contributions = new TreeMap<>();
        Long grantee = null;
        for (long id : named) {
            OpenGrants.Granted grant = grants.approved(id).filter(g -> g.regionId() == actor.regionId())
                    .orElseThrow(() -> DomainException.notFound("open-application", id));
            if (grantee != null && grantee != grant.accountId()) {
                throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.grants"),
                        Labels.label("revenue.one-grantee"));
            }
            grantee = grant.accountId();
            long counted = uses.between(id, recording.periodStart(), recording.periodEnd()).total();
            parts.add(new Revenue.GrantPart(id, grant.datasetId(), grant.departmentId(), counted));
            contributions.merge(grant.departmentId(), counted, Long::sum);
        }
        List<Allocation.Share> shares = Allocation.byContribution(amount, contributions);
        long id = records.insert(actor.regionId(), amount, recording.periodStart(), recording.periodEnd(), source,
                actor.name(), OffsetDateTime.now(ZoneOffset.UTC), parts, shares);
        audit.record(AuditEvent.success(OpenAuditAction.REVENUE_RECORD, "open-revenue", id, amount.toPlainString()
                + " yuan " + recording.periodStart() + "–" + recording.periodEnd() + " grants " + named + " shares "
                + shares.stream().map(s -> s.departmentId() + ":" + s.amount().toPlainString()).toList()));
        return records.find(id).orElseThrow();
    }

    /** The authority's region's revenue, or a department's shares of it. */
    List<Revenue> list(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return records.list(actor.regionId(), actor.authority() ? null : actor.departmentId());
    }

    Revenue get(Actor actor, long id) {
        return records.find(id).filter(r -> actor.kind() == Actor.Kind.USER && actor.regionId() == r.regionId()
                && (actor.authority() || r.shares().stream().anyMatch(s -> s.departmentId() == actor.departmentId())))
                .orElseThrow(() -> DomainException.notFound("open-revenue", id));
    }

    private static BigDecimal amount(BigDecimal amount) {
        if (amount == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.revenueAmount"));
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.revenueAmount"),
                    amount.toPlainString());
        }
        return amount.setScale(2);
    }
}
