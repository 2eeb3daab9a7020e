package cn.govdata.open.demand;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.account.Notices;
import cn.govdata.open.account.PublicAccess;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.org.Directory;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Open-data demand requests (开放需求, OPN-3, FZ18): anyone with a public account asks for data to be listed or
 * opened; the request goes to the department it names (or whose catalog entry it names), else to the region's data
 * authority, which gives it to a department or answers it; the department answers within the profile's period
 * (FZ: 15 days) — it will open the data, it is open already (the entry linked), it will not (reasons and legal
 * basis), or it is not its data (back to the authority); the requester may object once within a period, and the
 * authority decides the objection within its period (FZ: 10 days). Every change is audited and kept in the
 * request's timeline; answered requests are public.
 */
@Service
class Demands {

    /** What a requester asks. */
    record Submission(Demand.Kind kind, String subject, String description, String reason, Long departmentId,
            Long entryId) {
    }

    /** An answer: the decision, its reasons and legal basis, the entry it links. */
    record Answer(Demand.Decision decision, String reasons, String legalBasis, Long entryId) {
    }

    /** The authority's decision on an objection; a revision carries the new answer. */
    record Review(Demand.ReviewOutcome outcome, String reasons, Answer revised) {
    }

    private final DemandRecords records;
    private final DemandDeadlines deadlines;
    private final Directory directory;
    private final PublishedCatalog catalog;
    private final Notices notices;
    private final AuditLog audit;

    Demands(DemandRecords records, DemandDeadlines deadlines, Directory directory, PublishedCatalog catalog,
            Notices notices, AuditLog audit) {
        this.records = records;
        this.deadlines = deadlines;
        this.directory = directory;
        this.catalog = catalog;
        this.notices = notices;
        this.audit = audit;
    }

    @Transactional
    Demand submit(long accountId, Submission submission, String clientAddress) {
        if (!deadlines.offered()) {
            throw new DomainException(ProblemCode.DEMANDS_NOT_OFFERED);
        }
        if (submission.kind() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.kind"));
        }
        String subject = FreeText.required(submission.subject(), 200, "subject");
        String description = FreeText.required(submission.description(), 4000, "description");
        String reason = FreeText.required(submission.reason(), 4000, "reason");
        Directory.DepartmentInfo named = submission.departmentId() == null ? null
                : directory.department(submission.departmentId()).orElseThrow(() -> new DomainException(
                        ProblemCode.INVALID_VALUE, Labels.label("field.departmentId"), submission.departmentId()));
        PublishedCatalog.PublishedEntry entry = submission.entryId() == null ? null
                : catalog.byId(submission.entryId()).orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE,
                        Labels.label("field.entryId"), submission.entryId()));
        // routed as FZ18 has it: to the department whose data it is, when the requester knows; else the authority
        Long departmentId = named != null ? Long.valueOf(named.id()) : entry != null ? entry.departmentId() : null;
        long regionId = named != null ? named.regionId() : entry != null ? entry.regionId() : homeRegion();
        Instant now = Instant.now();
        Demand.Status status = departmentId == null ? Demand.Status.AWAITING_ASSIGNMENT : Demand.Status.AWAITING_REPLY;
        long id = records.insert(regionId, accountId, submission.kind(), subject, description, reason,
                named == null ? null : named.id(), departmentId, entry == null ? null : entry.id(), status,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), deadlines.replyDue(now));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", status.name());
        if (departmentId != null) {
            detail.put("departmentId", departmentId);
        }
        String requester = PublicAccounts.actorName(accountId);
        records.event(id, "SUBMITTED", requester, detail);
        audit.record(AuditEvent.success(OpenAuditAction.DEMAND_SUBMIT, "demand", id, submission.kind().name()),
                new AuditActor(requester, null, clientAddress));
        return records.find(id).orElseThrow();
    }

    /** The authority gives a request of its region to a department of the region (again, if it was returned). */
    @Transactional
    Demand assign(Actor actor, long id, long departmentId) {
        Demand demand = visible(actor, records.lock(id));
        PublicAccess.requireAuthority(actor, demand.regionId());
        if (demand.status() != Demand.Status.AWAITING_ASSIGNMENT && demand.status() != Demand.Status.AWAITING_REPLY) {
            throw stateError(demand, "assign");
        }
        Directory.DepartmentInfo department = directory.department(departmentId)
                .filter(d -> d.regionId() == demand.regionId())
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.departmentId"),
                        departmentId));
        records.assign(id, department.id());
        records.event(id, "ASSIGNED", actor.name(), Map.of("departmentId", department.id()));
        audit.record(AuditEvent.success(OpenAuditAction.DEMAND_ASSIGN, "demand", id, "to department " + department.id()));
        return records.find(id).orElseThrow();
    }

    /**
     * Answers a request: its department (DATA_PROVIDER) while it has it, the authority while the authority has it.
     * "Not our data" from a department returns the request to the authority, which assigns it again or answers.
     */
    @Transactional
    Demand answer(Actor actor, long id, Answer answer) {
        Demand demand = visible(actor, records.lock(id));
        switch (demand.status()) {
            case AWAITING_REPLY -> PublicAccess.requireReplier(actor, demand.departmentId());
            case AWAITING_ASSIGNMENT -> PublicAccess.requireAuthority(actor, demand.regionId());
            default -> throw stateError(demand, "answer");
        }
        Answer checked = checked(answer);
        if (checked.decision() == Demand.Decision.NOT_OUR_DATA && demand.status() == Demand.Status.AWAITING_REPLY) {
            records.returnToAuthority(id);
            records.event(id, "RETURNED", actor.name(),
                    Map.of("departmentId", demand.departmentId(), "reasons", checked.reasons()));
            audit.record(AuditEvent.success(OpenAuditAction.DEMAND_RETURN, "demand", id,
                    "not the data of department " + demand.departmentId()));
            return records.find(id).orElseThrow();
        }
        Instant now = Instant.now();
        records.answer(id, checked.decision(), checked.reasons(), checked.legalBasis(), checked.entryId(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor.name(), actor.departmentId(),
                deadlines.objectionOpenUntil(now));
        records.event(id, "ANSWERED", actor.name(), answerDetail(checked, actor.departmentId()));
        audit.record(AuditEvent.success(OpenAuditAction.DEMAND_ANSWER, "demand", id, checked.decision().name()));
        tell(demand, Notices.Kind.DEMAND_ANSWERED);
        return records.find(id).orElseThrow();
    }

    /** Links the catalog entry whose opening fulfils the request (the department that answered, or the authority). */
    @Transactional
    Demand link(Actor actor, long id, long entryId) {
        Demand demand = visible(actor, records.lock(id));
        if (!demand.status().answered() || demand.decision() == Demand.Decision.NOT_OUR_DATA) {
            throw stateError(demand, "link");
        }
        PublicAccess.requireLinker(actor, demand.answeredDepartmentId(), demand.regionId());
        long entry = publishedEntry(entryId);
        records.link(id, entry);
        records.event(id, "LINKED", actor.name(), Map.of("entryId", entry));
        audit.record(AuditEvent.success(OpenAuditAction.DEMAND_LINK, "demand", id, "entry " + entry));
        return records.find(id).orElseThrow();
    }

    /** The requester objects to the answer: once, within the period. */
    @Transactional
    Demand object(long accountId, long id, String reasons, String clientAddress) {
        Demand demand = own(accountId, records.lock(id));
        String why = FreeText.required(reasons, 4000, "reasons");
        if (!demand.objectionOpen(deadlines.today())) {
            if (demand.status() == Demand.Status.ANSWERED || demand.objectedAt() != null) {
                throw new DomainException(ProblemCode.DEMAND_OBJECTION_PERIOD_OVER,
                        String.valueOf(demand.objectionOpenUntil()));
            }
            throw stateError(demand, "object");
        }
        Instant now = Instant.now();
        records.object(id, why, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), deadlines.reviewDue(now));
        String requester = PublicAccounts.actorName(accountId);
        records.event(id, "OBJECTED", requester, Map.of("reasons", why));
        audit.record(AuditEvent.success(OpenAuditAction.DEMAND_OBJECT, "demand", id, null),
                new AuditActor(requester, null, clientAddress));
        return records.find(id).orElseThrow();
    }

    /** The authority decides an objection: the answer stands, or its own answer replaces it. Final. */
    @Transactional
    Demand review(Actor actor, long id, Review review) {
        Demand demand = visible(actor, records.lock(id));
        PublicAccess.requireAuthority(actor, demand.regionId());
        if (demand.status() != Demand.Status.OBJECTED) {
            throw stateError(demand, "review");
        }
        if (review.outcome() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.outcome"));
        }
        String reasons = FreeText.optional(review.reasons(), 4000, "reasons");
        if (reasons == null) {
            throw new DomainException(ProblemCode.DEMAND_REPLY_INVALID, Labels.label("demand.rule.reasons"));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("outcome", review.outcome().name());
        detail.put("reasons", reasons);
        if (review.outcome() == Demand.ReviewOutcome.REVISED) {
            if (review.revised() == null || review.revised().decision() == null) {
                throw new DomainException(ProblemCode.DEMAND_REPLY_INVALID,
                        Labels.label("demand.rule.revised-decision"));
            }
            Answer revised = checked(review.revised());
            records.revise(id, revised.decision(), revised.reasons(), revised.legalBasis(), revised.entryId());
            detail.put("previousDecision", demand.decision().name());
            detail.putAll(answerDetail(revised, null));
        }
        records.review(id, review.outcome(), reasons, OffsetDateTime.now(ZoneOffset.UTC), actor.name());
        records.event(id, "REVIEWED", actor.name(), detail);
        audit.record(AuditEvent.success(OpenAuditAction.DEMAND_REVIEW, "demand", id, review.outcome().name()));
        tell(demand, Notices.Kind.DEMAND_REVIEWED);
        return records.find(id).orElseThrow();
    }

    /** The entry's data was opened: every request linked to it is fulfilled and its requester told. */
    @Transactional
    int fulfil(long entryId, Instant openedAt) {
        List<Demand> waiting = records.awaitingOpening(entryId);
        for (Demand demand : waiting) {
            records.fulfil(demand.id(), OffsetDateTime.ofInstant(openedAt, ZoneOffset.UTC));
            records.event(demand.id(), "FULFILLED", AuditActor.PLATFORM.name(), Map.of("entryId", entryId));
            audit.record(AuditEvent.success(OpenAuditAction.DEMAND_FULFIL, "demand", demand.id(), "entry " + entryId),
                    AuditActor.PLATFORM);
            tell(demand, Notices.Kind.DEMAND_FULFILLED);
        }
        return waiting.size();
    }

    /** The requester's own request; another account's is not found. */
    Demand own(long accountId, Demand demand) {
        if (demand.requesterId() == null || demand.requesterId() != accountId) {
            throw DomainException.notFound("demand", demand.id());
        }
        return demand;
    }

    Demand ownById(long accountId, long id) {
        return own(accountId, records.find(id).orElseThrow(() -> DomainException.notFound("demand", id)));
    }

    /** A request as an official may see it: its department's, or any of the authority's region; else not found. */
    Demand visible(Actor actor, Demand demand) {
        PublicAccess.requireDemandViewer(actor, demand.departmentId() != null ? demand.departmentId()
                : demand.answeredDepartmentId(), demand.regionId(), demand.id());
        return demand;
    }

    Demand visibleById(Actor actor, long id) {
        return visible(actor, records.find(id).orElseThrow(() -> DomainException.notFound("demand", id)));
    }

    /** What an official lists: the authority its region's requests, a department those routed to it. */
    List<Demand> forConsole(Actor actor, Demand.Status status, boolean overdueOnly) {
        PublicAccess.requireOfficial(actor);
        List<Demand> demands = actor.authority() ? records.forConsole(actor.regionId(), null, status)
                : records.forConsole(null, actor.departmentId(), status);
        if (!overdueOnly) {
            return demands;
        }
        return demands.stream().filter(d -> d.overdue(deadlines.today()))
                .sorted(Comparator.comparing(Demand::submittedAt)).toList();
    }

    /** The requester's own requests, newest first. */
    List<Demand> mine(long accountId) {
        return records.ofRequester(accountId);
    }

    /** A page of the answered requests, newest answer first: what the public sees. */
    DemandRecords.Page answered(int page, int size) {
        return records.answered(page * size, size);
    }

    /** An answered request as the public sees it; an unanswered one is not found. */
    Demand answeredById(long id) {
        return records.find(id).filter(d -> d.status().answered())
                .orElseThrow(() -> DomainException.notFound("demand", id));
    }

    private Answer checked(Answer answer) {
        if (answer == null || answer.decision() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.decision"));
        }
        String reasons = FreeText.optional(answer.reasons(), 4000, "reasons");
        String legalBasis = FreeText.optional(answer.legalBasis(), 1000, "legalBasis");
        Long entryId = answer.entryId() == null ? null : publishedEntry(answer.entryId());
        switch (answer.decision()) {
            case WILL_NOT_OPEN -> {
                if (reasons == null) {
                    throw new DomainException(ProblemCode.DEMAND_REPLY_INVALID, Labels.label("demand.rule.reasons"));
                }
                if (legalBasis == null) {
                    throw new DomainException(ProblemCode.DEMAND_REPLY_INVALID,
                            Labels.label("demand.rule.legal-basis"));
                }
            }
            case NOT_OUR_DATA -> {
                if (reasons == null) {
                    throw new DomainException(ProblemCode.DEMAND_REPLY_INVALID, Labels.label("demand.rule.reasons"));
                }
            }
            case ALREADY_OPEN -> {
                if (entryId == null) {
                    throw new DomainException(ProblemCode.DEMAND_REPLY_INVALID, Labels.label("demand.rule.entry"));
                }
            }
            case WILL_OPEN -> {
                // the entry may not exist yet (data to be listed): it can be linked later
            }
        }
        return new Answer(answer.decision(), reasons, legalBasis, entryId);
    }

    private long publishedEntry(long entryId) {
        return catalog.byId(entryId).map(PublishedCatalog.PublishedEntry::id).orElseThrow(
                () -> new DomainException(ProblemCode.DEMAND_REPLY_INVALID, Labels.label("demand.rule.entry-unknown")));
    }

    private static Map<String, Object> answerDetail(Answer answer, Long departmentId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", answer.decision().name());
        if (answer.reasons() != null) {
            detail.put("decisionReasons", answer.reasons());
        }
        if (answer.legalBasis() != null) {
            detail.put("legalBasis", answer.legalBasis());
        }
        if (answer.entryId() != null) {
            detail.put("entryId", answer.entryId());
        }
        if (departmentId != null) {
            detail.put("departmentId", departmentId);
        }
        return detail;
    }

    private void tell(Demand demand, Notices.Kind kind) {
        if (demand.requesterId() != null) {
            notices.tell(demand.requesterId(), kind, demand.id(), demand.subject());
        }
    }

    /** The region the platform was set up for: requests that name no department go to its authority. */
    private long homeRegion() {
        return directory.regions().stream().filter(r -> r.parentId() == null)
                .mapToLong(Directory.RegionInfo::id).min()
                .orElseThrow(() -> new DomainException(ProblemCode.DEMANDS_NOT_OFFERED));
    }

    private static DomainException stateError(Demand demand, String action) {
        return new DomainException(ProblemCode.DEMAND_STATE, Labels.label("demand.status." + demand.status().name()),
                Labels.label("demand.action." + action));
    }
}
