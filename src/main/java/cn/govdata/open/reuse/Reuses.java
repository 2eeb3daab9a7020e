package cn.govdata.open.reuse;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.open.release.OpenAccess;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Apps and results built on open data (利用成果, OPN-6 YT26 FZ20): a public account holder publishes what it built
 * — its name, description, kind, link and the open datasets it used, each cited with the day the data was
 * obtained — and may edit or delete it; the data authority of the datasets' region moderates (approves, or rejects
 * with a reason) before the portal shows it, and an edit goes back to moderation. Every step is audited.
 */
@Service
class Reuses {

    /** What the holder publishes; a dataset by its CKAN id or name, the day obtained null for today. */
    record Submission(String name, String description, Reuse.Kind kind, String link, List<UsedDataset> datasets) {
    }

    record UsedDataset(String dataset, LocalDate obtainedOn) {
    }

    static final int MAX_DATASETS = 20;

    private final ReuseRecords records;
    private final OpenedDatasets datasets;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    Reuses(ReuseRecords records, OpenedDatasets datasets, WorkingDayCalendar calendar, AuditLog audit) {
        this.records = records;
        this.datasets = datasets;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    Reuse publish(long accountId, Submission submission, String clientAddress) {
        Checked checked = check(submission);
        long id = records.insert(accountId, checked.regionId(), checked.name(), checked.description(),
                submission.kind(), checked.link(), now(), checked.used());
        audit.record(AuditEvent.success(OpenAuditAction.REUSE_SUBMIT, "open-reuse", id, checked.name()),
                new AuditActor(PublicAccounts.actorName(accountId), null, clientAddress));
        return records.find(id).orElseThrow();
    }

    /** The holder changes what it published: it leaves the portal until the authority approves it again. */
    @Transactional
    Reuse edit(long accountId, long id, Submission submission, String clientAddress) {
        own(accountId, id);
        records.lock(id);
        Checked checked = check(submission);
        records.update(id, checked.regionId(), checked.name(), checked.description(), submission.kind(),
                checked.link(), now(), checked.used());
        audit.record(AuditEvent.success(OpenAuditAction.REUSE_EDIT, "open-reuse", id, checked.name()),
                new AuditActor(PublicAccounts.actorName(accountId), null, clientAddress));
        return records.find(id).orElseThrow();
    }

    @Transactional
    void delete(long accountId, long id, String clientAddress) {
        Reuse reuse = own(accountId, id);
        records.delete(id);
        audit.record(AuditEvent.success(OpenAuditAction.REUSE_DELETE, "open-reuse", id, reuse.name()),
                new AuditActor(PublicAccounts.actorName(accountId), null, clientAddress));
    }

    /** The holder's own reuse; another account's is not found. */
    Reuse own(long accountId, long id) {
        return records.find(id).filter(r -> r.accountId() == accountId)
                .orElseThrow(() -> DomainException.notFound("open-reuse", id));
    }

    List<Reuse> mine(long accountId) {
        return records.ofAccount(accountId);
    }

    /** An approved reuse, as anyone sees it; one not approved is not found. */
    Reuse published(long id) {
        return records.find(id).filter(r -> r.status() == Reuse.Status.APPROVED)
                .orElseThrow(() -> DomainException.notFound("open-reuse", id));
    }

    /** Approved reuses, of one open dataset when it is named (one the public cannot see is not found). */
    List<Reuse> published(String dataset, int offset, int limit) {
        Long datasetId = null;
        if (dataset != null) {
            datasetId = datasets.visible(dataset).map(OpenedDataset::id)
                    .orElseThrow(() -> DomainException.notFound("open-dataset", dataset));
        }
        return records.approved(datasetId, offset, limit);
    }

    /** What the authority moderates: its region's reuses, optionally of one status. */
    List<Reuse> forModeration(Actor actor, Reuse.Status status) {
        if (actor.kind() != Actor.Kind.USER || !actor.authority()) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return records.ofRegion(actor.regionId(), status);
    }

    /** A reuse as the authority of its region sees it; others get 404. */
    Reuse moderated(Actor actor, long id) {
        return records.find(id).filter(r -> actor.kind() == Actor.Kind.USER && actor.authority()
                && actor.regionId() == r.regionId())
                .orElseThrow(() -> DomainException.notFound("open-reuse", id));
    }

    @Transactional
    Reuse approve(Actor actor, long id) {
        Reuse reuse = undecided(actor, id);
        records.decide(id, Reuse.Status.APPROVED, now(), actor.name(), null);
        audit.record(AuditEvent.success(OpenAuditAction.REUSE_APPROVE, "open-reuse", id, reuse.name()));
        return records.find(id).orElseThrow();
    }

    @Transactional
    Reuse reject(Actor actor, long id, String reason) {
        Reuse reuse = undecided(actor, id);
        String why = FreeText.required(reason, 2000, "rejectionReason");
        records.decide(id, Reuse.Status.REJECTED, now(), actor.name(), why);
        audit.record(AuditEvent.success(OpenAuditAction.REUSE_REJECT, "open-reuse", id, reuse.name() + ": " + why));
        return records.find(id).orElseThrow();
    }

    LocalDate today() {
        return calendar.today();
    }

    private Reuse undecided(Actor actor, long id) {
        Reuse reuse = moderated(actor, id);
        OpenAccess.requireConfirmer(actor, reuse.regionId());
        reuse = records.lock(id);
        if (reuse.status() != Reuse.Status.SUBMITTED) {
            throw new DomainException(ProblemCode.CONFLICT, Labels.label("reuse.decided"));
        }
        return reuse;
    }

    private record Checked(String name, String description, String link, long regionId, List<Reuse.Used> used) {
    }

    private Checked check(Submission submission) {
        String name = FreeText.required(submission.name(), 100, "name");
        String description = FreeText.required(submission.description(), 4000, "description");
        if (submission.kind() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.reuseKind"));
        }
        String link = link(FreeText.required(submission.link(), 500, "link"));
        if (submission.datasets() == null || submission.datasets().isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.datasets"));
        }
        if (submission.datasets().size() > MAX_DATASETS) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, Labels.label("field.datasets"), MAX_DATASETS);
        }
        LocalDate today = calendar.today();
        List<Reuse.Used> used = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long regionId = null;
        for (UsedDataset u : submission.datasets()) {
            String reference = u == null ? null : u.dataset();
            if (reference == null || reference.isBlank()) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.dataset"));
            }
            OpenedDataset dataset = datasets.visible(reference)
                    .orElseThrow(() -> DomainException.notFound("open-dataset", reference));
            LocalDate obtained = u.obtainedOn() == null ? today : u.obtainedOn();
            if (obtained.isAfter(today) || obtained.isBefore(dataset.created() == null ? today
                    : dataset.created().toLocalDate().minusDays(1))) {
                throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.obtainedOn"), obtained);
            }
            if (regionId == null) {
                regionId = dataset.regionId();
            }
            if (seen.add(dataset.id())) {
                used.add(new Reuse.Used(dataset.id(), obtained));
            }
        }
        return new Checked(name, description, link, regionId, used);
    }

    /** A web address people can follow: http or https with a host (never {@code javascript:} and the like). */
    private static String link(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank()) {
                return link;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.link"), link);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
