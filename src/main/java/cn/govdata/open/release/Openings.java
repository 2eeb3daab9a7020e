package cn.govdata.open.release;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.open.DatasetOpened;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.desensitise.ItemRule;
import cn.govdata.open.desensitise.PersonalDataScan;
import cn.govdata.open.release.OpenedDataset.State;
import cn.govdata.open.release.OpenedDatasets.StoredRule;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.MaskingRule;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * Opening a published entry's dataset to the public, its confirmation by the data authority where the region
 * asks for it, changes of its rules, and its withdrawal (OPN-4, OPN-5). Every refusal lists everything that
 * stands in the way at once, in plain words, and is audited like every change.
 */
@Service
public class Openings {

    /** A rule as the provider names it for an item. */
    public record RuleChoice(String item, MaskingRule rule, Integer kept) {
    }

    /** What the provider sends to open an entry's dataset: the entry, the review, the rules it chooses. */
    public record OpenRequest(Long entryId, OpeningReview review, List<RuleChoice> rules) {
    }

    /** An opening as the console shows it. */
    public record OpeningView(long id, long entryId, String resourceCode, String name, String packageId,
            String packageName, long departmentId, State state, String openType, int catalogVersion,
            List<RuleView> rules, ReviewView review, String openedBy, OffsetDateTime openedAt, String decidedBy,
            OffsetDateTime decidedAt, String decisionNote, String withdrawnBy, OffsetDateTime withdrawnAt,
            String withdrawalReason, OffsetDateTime metadataCreated, OffsetDateTime metadataModified) {
    }

    /** An item's rule: the one stored (chosen by the provider or its default); released unless dropped or missing. */
    public record RuleView(String item, String chineseName, MaskingRule rule, Integer kept, boolean chosen,
            boolean released) {
    }

    public record ReviewView(long id, String reviewer, LocalDate reviewedOn, String recordedBy,
            OffsetDateTime recordedAt, List<OpeningReview.Answer> answers, String scanSummary) {
    }

    /** What opening an entry would take: whether it may be opened, each item's default rule and what the scan found. */
    public record Preparation(long entryId, String resourceCode, String name, String openType, boolean openable,
            LocalizedText refusal, boolean authorityConfirms, int sampled, List<ItemCheck> items, OpeningView current) {
    }

    public record ItemCheck(String item, String chineseName, DataItem.Sensitivity sensitivity, String valueStandard,
            MaskingRule defaultRule, List<FindingView> findings, boolean ruleRequired) {
    }

    public record FindingView(String kind, LocalizedText label, int matched) {
    }

    private static final LocalizedText ENTRY = new LocalizedText("信息资源", "catalog entry");
    private static final LocalizedText DATASET = new LocalizedText("开放数据集", "open dataset");
    private static final LocalizedText SIMULTANEOUS = new LocalizedText("该资源正由另一请求开放",
            "another request is opening it");
    private static final LocalizedText TO_OPEN = new LocalizedText("再次开放", "be opened again");
    private static final LocalizedText TO_CONFIRM = new LocalizedText("确认开放", "be confirmed");
    private static final LocalizedText TO_REJECT = new LocalizedText("不予确认", "be refused");
    private static final LocalizedText TO_WITHDRAW = new LocalizedText("撤回", "be withdrawn");
    private static final LocalizedText TO_CHANGE_RULES = new LocalizedText("修改脱敏规则", "have its rules changed");

    private final PublishedCatalog catalog;
    private final OpenedDatasets datasets;
    private final OpeningPolicy policy;
    private final PersonalDataScan scan;
    private final DesensitisationGate gate;
    private final ChangeStamps stamps;
    private final Directory directory;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Openings(PublishedCatalog catalog, OpenedDatasets datasets, OpeningPolicy policy, PersonalDataScan scan,
            DesensitisationGate gate, ChangeStamps stamps, Directory directory, AuditLog audit, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.policy = policy;
        this.scan = scan;
        this.gate = gate;
        this.stamps = stamps;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /**
     * Opens an entry's dataset: open at once, or waiting for the authority where it confirms. Refused when the entry
     * may not be opened, is open already, has no data, the review does not allow it, a rule is wrong, or personal
     * data was found in an item without a rule.
     */
    public OpeningView open(Actor actor, OpenRequest request) {
        if (request.entryId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("entryId"));
        }
        PublishedEntry entry = catalog.byId(request.entryId())
                .orElseThrow(() -> new DomainException(ProblemCode.NOT_FOUND, ENTRY, request.entryId()));
        OpenAccess.requireOpener(actor, entry.departmentId());
        EntryContent content = entry.content();
        Optional<OpenedDataset> existing = datasets.byEntry(entry.id());
        try {
            LocalizedText refusal = policy.refusal(content);
            if (refusal != null) {
                throw new DomainException(ProblemCode.OPEN_NOT_ALLOWED, refusal);
            }
            if (existing.isPresent() && (existing.get().state() == State.OPEN
                    || existing.get().state() == State.AWAITING_CONFIRMATION)) {
                throw new DomainException(ProblemCode.OPEN_STATE, existing.get().state().label(), TO_OPEN);
            }
            if (gate.holdings(entry.id()).map(h -> h.records() == 0).orElse(true)) {
                throw new DomainException(ProblemCode.OPEN_NOT_ALLOWED, OpeningPolicy.NO_DATA);
            }
            OpeningReview review = request.review() == null ? new OpeningReview(null, null, List.of()) : request.review();
            List<Violation> shortcomings = review.shortcomings(LocalDate.now(WorkingDayCalendar.ZONE));
            if (!shortcomings.isEmpty()) {
                throw new DomainException(ProblemCode.OPEN_REVIEW_INCOMPLETE, shortcomings);
            }
            Checked checked = checkRules(content, entry.id(), request.rules());
            long id = persist(actor, entry, existing, review, checked);
            return view(datasets.byId(id).orElseThrow());
        } catch (DomainException refused) {
            audit.record(AuditEvent.failure(OpenAuditAction.DATASET_OPEN, "catalog-entry", entry.id(),
                    "资源 " + entry.resourceCode() + " 不能开放：" + refusal(refused)));
            throw refused;
        }
    }

    /** The data authority confirms an opening waiting for it. */
    public OpeningView confirm(Actor actor, long id, String note) {
        OpenedDataset d = visibleTo(actor, id);
        OpenAccess.requireConfirmer(actor, d.regionId());
        if (d.state() != State.AWAITING_CONFIRMATION) {
            throw new DomainException(ProblemCode.OPEN_STATE, d.state().label(), TO_CONFIRM);
        }
        PublishedEntry entry = catalog.byId(d.entryId())
                .orElseThrow(() -> new DomainException(ProblemCode.OPEN_NOT_ALLOWED, OpeningPolicy.NOT_OPEN));
        LocalizedText refusal = policy.refusal(entry.content());
        if (refusal != null) {
            throw new DomainException(ProblemCode.OPEN_NOT_ALLOWED, refusal);
        }
        transactions.executeWithoutResult(status -> {
            OpenedDataset locked = lockedIn(id, TO_CONFIRM, State.AWAITING_CONFIRMATION);
            OffsetDateTime stamp = stamps.next();
            save(withState(locked, State.OPEN, OpenedDataset.ACTIVE, actor.name(), now(), note, null, null, null,
                    locked.created() == null ? stamp : locked.created(), stamp));
            events.publishEvent(new DatasetOpened(locked.entryId(), stamp.toInstant()));
            audit.record(AuditEvent.success(OpenAuditAction.DATASET_CONFIRM, "open-dataset", id,
                    "资源 " + d.resourceCode() + " 确认开放" + (blank(note) ? "" : "：" + note.strip())));
        });
        return view(datasets.byId(id).orElseThrow());
    }

    /** The data authority refuses to confirm an opening, with its reason. */
    public OpeningView reject(Actor actor, long id, String reason) {
        OpenedDataset d = visibleTo(actor, id);
        OpenAccess.requireConfirmer(actor, d.regionId());
        requireReason(reason);
        if (d.state() != State.AWAITING_CONFIRMATION) {
            throw new DomainException(ProblemCode.OPEN_STATE, d.state().label(), TO_REJECT);
        }
        transactions.executeWithoutResult(status -> {
            OpenedDataset locked = lockedIn(id, TO_REJECT, State.AWAITING_CONFIRMATION);
            save(withState(locked, State.REJECTED, locked.publicState(), actor.name(), now(), reason.strip(), null, null,
                    null, locked.created(), locked.modified()));
            audit.record(AuditEvent.success(OpenAuditAction.DATASET_REJECT, "open-dataset", id,
                    "资源 " + d.resourceCode() + " 不予确认：" + reason.strip()));
        });
        return view(datasets.byId(id).orElseThrow());
    }

    /** Withdraws an open dataset (or an opening waiting for confirmation), with its reason. */
    public OpeningView withdraw(Actor actor, long id, String reason) {
        OpenedDataset d = visibleTo(actor, id);
        OpenAccess.requireWithdrawer(actor, d);
        requireReason(reason);
        if (d.state() != State.OPEN && d.state() != State.AWAITING_CONFIRMATION) {
            throw new DomainException(ProblemCode.OPEN_STATE, d.state().label(), TO_WITHDRAW);
        }
        transactions.executeWithoutResult(status -> {
            withdraw(lockedIn(id, TO_WITHDRAW, State.OPEN, State.AWAITING_CONFIRMATION), actor.name(), reason.strip());
            audit.record(AuditEvent.success(OpenAuditAction.DATASET_WITHDRAW, "open-dataset", id,
                    "资源 " + d.resourceCode() + " 撤回开放：" + reason.strip()));
        });
        return view(datasets.byId(id).orElseThrow());
    }

    /** Changes the rules of an open dataset (or one waiting), checked and scanned as at opening. */
    public OpeningView changeRules(Actor actor, long id, List<RuleChoice> rules) {
        OpenedDataset d = visibleTo(actor, id);
        OpenAccess.requireOpener(actor, d.departmentId());
        if (d.state() != State.OPEN && d.state() != State.AWAITING_CONFIRMATION) {
            throw new DomainException(ProblemCode.OPEN_STATE, d.state().label(), TO_CHANGE_RULES);
        }
        EntryContent content = catalog.byId(d.entryId()).map(PublishedEntry::content).orElse(d.content());
        Checked checked;
        try {
            checked = checkRules(content, d.entryId(), rules);
        } catch (DomainException refused) {
            audit.record(AuditEvent.failure(OpenAuditAction.RULES_CHANGE, "open-dataset", id,
                    "资源 " + d.resourceCode() + " 规则未修改：" + refusal(refused)));
            throw refused;
        }
        transactions.executeWithoutResult(status -> {
            OpenedDataset locked = lockedIn(id, TO_CHANGE_RULES, State.OPEN, State.AWAITING_CONFIRMATION);
            datasets.replaceRules(id, checked.stored());
            if (locked.active()) {
                OffsetDateTime stamp = stamps.next();
                save(withState(locked, locked.state(), locked.publicState(), locked.decidedBy(), locked.decidedAt(),
                        locked.decisionNote(), locked.withdrawnBy(), locked.withdrawnAt(), locked.withdrawalReason(),
                        locked.created(), stamp));
            }
            audit.record(AuditEvent.success(OpenAuditAction.RULES_CHANGE, "open-dataset", id,
                    "资源 " + d.resourceCode() + "；" + checked.describe()));
        });
        return view(datasets.byId(id).orElseThrow());
    }

    /** What opening the entry would take, for the console's form: defaults, findings, whether it may be opened. */
    public Preparation check(Actor actor, long entryId) {
        PublishedEntry entry = catalog.byId(entryId)
                .orElseThrow(() -> new DomainException(ProblemCode.NOT_FOUND, ENTRY, entryId));
        OpenAccess.requireOpener(actor, entry.departmentId());
        EntryContent content = entry.content();
        LocalizedText refusal = policy.refusal(content);
        if (refusal == null && gate.holdings(entryId).map(h -> h.records() == 0).orElse(true)) {
            refusal = OpeningPolicy.NO_DATA;
        }
        Map<String, ItemRule> defaults = policy.effective(content, Map.of());
        PersonalDataScan.Result result = scan.scan(entryId, content.dataItems().stream().map(DataItem::name).toList());
        List<ItemCheck> items = new ArrayList<>();
        for (DataItem item : content.dataItems()) {
            MaskingRule rule = defaults.get(item.name()).rule();
            List<FindingView> findings = result.of(item.name()).stream()
                    .map(f -> new FindingView(f.kind().name(), f.kind().label(), f.matched())).toList();
            items.add(new ItemCheck(item.name(), item.chineseName(), item.sensitivity(), item.valueStandard(), rule,
                    findings, !findings.isEmpty() && rule == MaskingRule.NONE));
        }
        OpeningView current = datasets.byEntry(entryId).map(this::view).orElse(null);
        return new Preparation(entryId, entry.resourceCode(), content.name(),
                content.openType() == null ? null : content.openType().name(), refusal == null, refusal,
                policy.authorityConfirms(), result.sampled(), items, current);
    }

    public OpeningView view(Actor actor, long id) {
        return view(visibleTo(actor, id));
    }

    /** The openings the actor sees: its department's, or its region's for the data authority. */
    public List<OpeningView> list(Actor actor, State state, int offset, int limit) {
        Long department = actor.authority() ? null : actor.departmentId();
        return datasets.list(actor.regionId(), department, state, Math.max(0, offset), Math.min(Math.max(1, limit), 500))
                .stream().map(this::view).toList();
    }

    // ---- the catalog changed under an opened dataset (CatalogFollower)

    /** Shows a new catalog version's metadata; stamped when the public sees it. */
    void follow(OpenedDataset followed, PublishedEntry entry) {
        transactions.executeWithoutResult(status -> {
            OpenedDataset d = datasets.lock(followed.id());
            if (d.catalogVersion() == entry.version() || !following(d)) {
                return;  // another node, or a person, got there first
            }
            OffsetDateTime stamp = d.active() ? stamps.next() : d.modified();
            save(new OpenedDataset(d.id(), d.entryId(), d.packageId(), d.resourceId(), d.name(), d.regionId(),
                    entry.departmentId(), organization(entry.departmentId()), PublicNames.organizationId(entry.departmentId()),
                    d.state(), d.publicState(), entry.content().openType(), entry.version(), d.resourceCode(),
                    entry.content(), d.hashKeyHex(), d.reviewId(), d.openedBy(), d.openedAt(), d.decidedBy(),
                    d.decidedAt(), d.decisionNote(), d.withdrawnBy(), d.withdrawnAt(), d.withdrawalReason(), d.created(),
                    stamp));
            audit.record(AuditEvent.success(OpenAuditAction.CATALOG_CHANGE, "open-dataset", d.id(),
                    "资源 " + d.resourceCode() + " 目录更新为第 " + entry.version() + " 版"),
                    cn.govdata.audit.AuditActor.PLATFORM);
        });
    }

    /** Withdraws a dataset whose entry was retired, or may no longer be opened. */
    void withdrawFollowingCatalog(OpenedDataset followed, LocalizedText why) {
        transactions.executeWithoutResult(status -> {
            OpenedDataset d = datasets.lock(followed.id());
            if (!following(d)) {
                return;
            }
            withdraw(d, "system", "目录变更：" + why.zh());
            audit.record(AuditEvent.success(OpenAuditAction.CATALOG_CHANGE, "open-dataset", d.id(),
                    "资源 " + d.resourceCode() + " 撤回开放：" + why.zh()), cn.govdata.audit.AuditActor.PLATFORM);
        });
    }

    // ---- internals

    /** Rules checked against the entry and the scan: what is stored, and what the scan read and found. */
    private record Checked(List<StoredRule> stored, PersonalDataScan.Result scan) {

        String describe() {
            StringBuilder text = new StringBuilder("规则：");
            for (StoredRule r : stored) {
                text.append(r.rule().item()).append('=').append(r.rule().rule())
                        .append(r.rule().kept() == null ? "" : "(" + r.rule().kept() + ")").append(r.chosen() ? "" : "*")
                        .append(' ');
            }
            text.append("；个人信息检查：").append(summary());
            return text.toString();
        }

        String summary() {
            StringBuilder text = new StringBuilder("抽查 " + scan.sampled() + " 条");
            scan.findings().forEach(f -> text.append("，").append(f.item()).append(' ').append(f.kind().label().zh())
                    .append(' ').append(f.matched()));
            return text.length() > 1900 ? text.substring(0, 1900) + "…" : text.toString();
        }
    }

    private Checked checkRules(EntryContent content, long entryId, List<RuleChoice> choices) {
        List<ItemRule> chosen = choices == null ? List.of()
                : choices.stream().filter(java.util.Objects::nonNull).map(c -> new ItemRule(c.item(), c.rule(), c.kept()))
                        .toList();
        List<Violation> problems = policy.ruleProblems(content, chosen);
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.DESENSITISATION_RULES_INVALID, problems);
        }
        Map<String, ItemRule> chosenByItem = new LinkedHashMap<>();
        chosen.forEach(r -> chosenByItem.put(r.item(), r));
        Map<String, ItemRule> effective = policy.effective(content, chosenByItem);
        List<String> opened = effective.values().stream().filter(r -> !OpeningPolicy.dropped(r)).map(ItemRule::item)
                .toList();
        PersonalDataScan.Result result = scan.scan(entryId, opened);
        List<Violation> findings = policy.findingProblems(content, chosenByItem, effective, result);
        if (!findings.isEmpty()) {
            throw new DomainException(ProblemCode.PERSONAL_DATA_WITHOUT_RULE, findings);
        }
        List<StoredRule> stored = effective.values().stream()
                .map(r -> new StoredRule(r, chosenByItem.containsKey(r.item()))).toList();
        return new Checked(stored, result);
    }

    /** Writes the opening with its audit entry in one transaction; a second opening racing it is refused. */
    private long persist(Actor actor, PublishedEntry entry, Optional<OpenedDataset> existing, OpeningReview review,
            Checked checked) {
        try {
            return transactions.execute(status -> {
                long id = write(actor, entry, existing, review, checked);
                State state = policy.authorityConfirms() ? State.AWAITING_CONFIRMATION : State.OPEN;
                audit.record(AuditEvent.success(OpenAuditAction.DATASET_OPEN, "open-dataset", id,
                        "资源 " + entry.resourceCode() + " " + state.label().zh() + "；" + checked.describe()));
                return id;
            });
        } catch (org.springframework.dao.DuplicateKeyException twice) {
            throw new DomainException(ProblemCode.CONFLICT, SIMULTANEOUS);
        }
    }

    private long write(Actor actor, PublishedEntry entry, Optional<OpenedDataset> existing, OpeningReview review,
            Checked checked) {
        boolean confirms = policy.authorityConfirms();
        State state = confirms ? State.AWAITING_CONFIRMATION : State.OPEN;
        OffsetDateTime now = now();
        OpenedDataset base = existing.isPresent()
                ? lockedIn(existing.get().id(), TO_OPEN, State.REJECTED, State.WITHDRAWN) : null;
        long id;
        if (base == null) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            OpenedDataset fresh = new OpenedDataset(0, entry.id(), PublicNames.packageId(entry.id()),
                    PublicNames.resourceId(entry.id()), PublicNames.packageName(entry.resourceCode()), entry.regionId(),
                    entry.departmentId(), organization(entry.departmentId()),
                    PublicNames.organizationId(entry.departmentId()), state, null, entry.content().openType(),
                    entry.version(), entry.resourceCode(), entry.content(), HexFormat.of().formatHex(key), null,
                    actor.name(), now, null, null, null, null, null, null, null, null);
            id = datasets.insert(fresh);
            base = datasets.byId(id).orElseThrow();
        } else {
            id = base.id();
        }
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_review (open_dataset_id, catalog_version, reviewer, reviewed_on, recorded_by, recorded_at,
                    scan_summary) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, entry.version(), review.reviewer().strip(), review.reviewedOn(), actor.name(), now,
                        checked.summary())
                .update(keys, "id");
        long reviewId = keys.getKeyAs(Long.class);
        for (OpeningReview.Answer answer : review.answers()) {
            jdbc.sql("insert into open_review_answer (review_id, aspect, passed, note) values (?, ?, ?, ?)")
                    .params(reviewId, answer.aspect().name(), answer.passed(), answer.note().strip()).update();
        }
        datasets.replaceRules(id, checked.stored());
        OffsetDateTime created = base.created();
        OffsetDateTime modified = base.modified();
        String publicState = base.publicState();
        if (state == State.OPEN) {
            modified = stamps.next();
            created = created == null ? modified : created;
            publicState = OpenedDataset.ACTIVE;
            events.publishEvent(new DatasetOpened(entry.id(), modified.toInstant()));
        }
        save(new OpenedDataset(id, entry.id(), base.packageId(), base.resourceId(), base.name(), entry.regionId(),
                entry.departmentId(), organization(entry.departmentId()), PublicNames.organizationId(entry.departmentId()),
                state, publicState, entry.content().openType(), entry.version(), entry.resourceCode(), entry.content(),
                base.hashKeyHex(), reviewId, actor.name(), now, null, null, null, null, null, null, created, modified));
        return id;
    }

    private static boolean following(OpenedDataset d) {
        return d.state() == State.OPEN || d.state() == State.AWAITING_CONFIRMATION;
    }

    /** The dataset locked for a change, which its state must allow (it may have changed since it was read). */
    private OpenedDataset lockedIn(long id, LocalizedText change, State... allowed) {
        OpenedDataset locked = datasets.lock(id);
        if (!java.util.Arrays.asList(allowed).contains(locked.state())) {
            throw new DomainException(ProblemCode.OPEN_STATE, locked.state().label(), change);
        }
        return locked;
    }

    private void withdraw(OpenedDataset d, String by, String reason) {
        boolean wasPublic = d.active();
        OffsetDateTime modified = wasPublic ? stamps.next() : d.modified();
        save(withState(d, State.WITHDRAWN, wasPublic ? OpenedDataset.DELETED : d.publicState(), d.decidedBy(),
                d.decidedAt(), d.decisionNote(), by, now(), reason, d.created(), modified));
    }

    private static OpenedDataset withState(OpenedDataset d, State state, String publicState, String decidedBy,
            OffsetDateTime decidedAt, String decisionNote, String withdrawnBy, OffsetDateTime withdrawnAt,
            String withdrawalReason, OffsetDateTime created, OffsetDateTime modified) {
        return new OpenedDataset(d.id(), d.entryId(), d.packageId(), d.resourceId(), d.name(), d.regionId(),
                d.departmentId(), d.organization(), d.ownerOrg(), state, publicState, d.openType(), d.catalogVersion(),
                d.resourceCode(), d.content(), d.hashKeyHex(), d.reviewId(), d.openedBy(), d.openedAt(), decidedBy,
                decidedAt, decisionNote, withdrawnBy, withdrawnAt, withdrawalReason, created, modified);
    }

    private void save(OpenedDataset d) {
        datasets.update(d, directory.department(d.departmentId()).map(Directory.DepartmentInfo::name).orElse(""));
    }

    private String organization(long departmentId) {
        return directory.department(departmentId).map(dept -> PublicNames.organizationName(dept.creditCode()))
                .orElse("department-" + departmentId);
    }

    private OpenedDataset visibleTo(Actor actor, long id) {
        OpenedDataset d = datasets.byId(id).orElseThrow(() -> new DomainException(ProblemCode.NOT_FOUND, DATASET, id));
        if (!OpenAccess.viewer(actor, d.departmentId(), d.regionId())) {
            throw new DomainException(ProblemCode.NOT_FOUND, DATASET, id);
        }
        return d;
    }

    private OpeningView view(OpenedDataset d) {
        Map<String, StoredRule> rules = new LinkedHashMap<>();
        datasets.rules(d.id()).forEach(r -> rules.put(r.rule().item(), r));
        List<RuleView> ruleViews = new ArrayList<>();
        for (DataItem item : d.content().dataItems()) {
            StoredRule r = rules.get(item.name());
            ruleViews.add(r == null ? new RuleView(item.name(), item.chineseName(), null, null, false, false)
                    : new RuleView(item.name(), item.chineseName(), r.rule().rule(), r.rule().kept(), r.chosen(),
                            r.rule().rule() != MaskingRule.DROP));
        }
        return new OpeningView(d.id(), d.entryId(), d.resourceCode(), d.content().name(), d.packageId(), d.name(),
                d.departmentId(), d.state(), d.openType().name(), d.catalogVersion(), ruleViews, review(d.reviewId()),
                d.openedBy(), d.openedAt(), d.decidedBy(), d.decidedAt(), d.decisionNote(), d.withdrawnBy(),
                d.withdrawnAt(), d.withdrawalReason(), d.created(), d.modified());
    }

    private ReviewView review(Long reviewId) {
        if (reviewId == null) {
            return null;
        }
        List<OpeningReview.Answer> answers = jdbc.sql("select aspect, passed, note from open_review_answer"
                + " where review_id = ? order by aspect").param(reviewId)
                .query((rs, n) -> new OpeningReview.Answer(OpeningReview.Aspect.valueOf(rs.getString(1)),
                        rs.getBoolean(2), rs.getString(3)))
                .list();
        return jdbc.sql("select id, reviewer, reviewed_on, recorded_by, recorded_at, scan_summary from open_review"
                + " where id = ?").param(reviewId)
                .query((rs, n) -> new ReviewView(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), answers, rs.getString(6)))
                .optional().orElse(null);
    }

    /** A refusal as the audit log tells it: in words, with the points it lists (items, aspects), never a value. */
    private static String refusal(DomainException refused) {
        String reason = switch (refused.code()) {
            case OPEN_NOT_ALLOWED -> "不符合开放条件";
            case OPEN_STATE -> "当前状态不允许";
            case OPEN_REVIEW_INCOMPLETE -> "开放前审查未完成或未通过";
            case DESENSITISATION_RULES_INVALID -> "脱敏规则有误";
            case PERSONAL_DATA_WITHOUT_RULE -> "发现未设脱敏规则的个人信息";
            case CONFLICT -> "另一请求正在开放";
            default -> "请求有误";
        };
        List<String> points = refused.violations().stream().map(Violation::location).toList();
        return points.isEmpty() ? reason : reason + " " + points;
    }

    private static void requireReason(String reason) {
        if (blank(reason)) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("reason"));
        }
        if (reason.strip().length() > 2000) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, FieldName.of("reason"), 2000);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
