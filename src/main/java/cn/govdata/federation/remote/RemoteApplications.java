package cn.govdata.federation.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.ForeignEntries;
import cn.govdata.catalog.ForeignEntries.ForeignEntry;
import cn.govdata.federation.FederationAccess;
import cn.govdata.federation.peer.FederationAuditAction;
import cn.govdata.federation.peer.PeerClient;
import cn.govdata.federation.peer.PeerClient.Answer;
import cn.govdata.federation.peer.PeerClient.Target;
import cn.govdata.federation.peer.Peers;
import cn.govdata.federation.peer.ThisPlatform;
import cn.govdata.org.ConnectedSystems;
import cn.govdata.org.Directory;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-platform sharing, the applicant's side (SHR-10): a department's data user applies for an entry a lower
 * platform keeps, through the link to that platform registered here as a lower peer (a connected system of that
 * platform's data authority). The application is made there, on behalf of the department and the person — so it
 * runs by that platform's profile, deadline and approvers — and mirrored here; the mirror is refreshed when it is
 * read and every minute while it is open or granted. Nothing is recorded here before that platform has accepted;
 * a platform that does not answer is {@code PEER_UNAVAILABLE}, one that refuses is {@code PEER_REFUSED} with its
 * reason.
 */
@Service
class RemoteApplications {

    private static final Logger log = LoggerFactory.getLogger(RemoteApplications.class);
    private static final List<String> RELAYED_WAYS = List.of("QUERY", "VERIFICATION");

    /** What a department applies for, as for this platform's own entries; only the ways relayed here. */
    record Form(Long entryId, List<String> items, String purpose, String useScenario, String legalDuty,
            LocalDate periodFrom, LocalDate periodTo, List<String> ways, List<Long> systems) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ForeignEntries foreignEntries;
    private final Peers peers;
    private final PeerClient client;
    private final ThisPlatform platform;
    private final ConnectedSystems systems;
    private final Directory directory;
    private final AuditLog audit;
    private final Map<Long, PendingUses> pendingUses = new java.util.concurrent.ConcurrentHashMap<>();

    RemoteApplications(JdbcClient jdbc, JsonMapper json, ForeignEntries foreignEntries, Peers peers, PeerClient client,
            ThisPlatform platform, ConnectedSystems systems, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.foreignEntries = foreignEntries;
        this.peers = peers;
        this.client = client;
        this.platform = platform;
        this.systems = systems;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * A lower platform's entry as a department reads it before applying: what it holds, its share type and
     * condition, the materials that platform asks for, and whether this platform is linked to apply there.
     */
    record ForeignEntryView(long id, String name, String resourceCode, String platform, String departmentName,
            String summary, String shareType, String shareCondition, List<Item> items, List<String> applicantMaterials,
            boolean linked) {

        record Item(String name, String chineseName, boolean recordKey) {
        }
    }

    ForeignEntryView entry(Actor actor, long id) {
        FederationAccess.requireRemoteApplicant(actor);
        ForeignEntry entry = foreignEntries.find(id).filter(e -> e.regionId() == actor.regionId())
                .orElseThrow(() -> DomainException.notFound("catalog entry", id));
        var content = entry.content();
        return new ForeignEntryView(id, content.name(), entry.resourceCode(), entry.origin().platform(),
                entry.departmentName(), content.summary(),
                content.shareType() == null ? null : content.shareType().name(), content.shareCondition(),
                content.dataItems() == null ? List.of() : content.dataItems().stream()
                        .map(i -> new ForeignEntryView.Item(i.name(), i.chineseName(), i.recordKey())).toList(),
                content.applicantMaterials() == null ? List.of() : content.applicantMaterials(),
                peers.enabledAt(Peers.Relation.LOWER, entry.origin().baseUrl()).isPresent());
    }

    RemoteApplication apply(Actor actor, Form form) {
        FederationAccess.requireRemoteApplicant(actor);
        if (form == null || form.entryId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("entryId"));
        }
        ForeignEntry entry = foreignEntries.find(form.entryId()).filter(e -> e.regionId() == actor.regionId())
                .orElseThrow(() -> DomainException.notFound("catalog entry", form.entryId()));
        Target target = peers.enabledAt(Peers.Relation.LOWER, entry.origin().baseUrl())
                .orElseThrow(() -> new DomainException(ProblemCode.PEER_NOT_LINKED, entry.origin().platform()));
        List<String> ways = form.ways() == null || form.ways().isEmpty() ? List.of("QUERY") : form.ways();
        for (String way : ways) {
            if (!RELAYED_WAYS.contains(way)) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("ways"), String.join(" / ",
                        RELAYED_WAYS));
            }
        }
        List<Long> ownSystems = form.systems() == null ? List.of() : List.copyOf(form.systems());
        for (Long system : ownSystems) {
            if (system == null || systems.actor(system).filter(s -> s.departmentId() == actor.departmentId())
                    .isEmpty()) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("systems"), system);
            }
        }
        String department = directory.department(actor.departmentId()).map(Directory.DepartmentInfo::name)
                .orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryId", entry.originEntryId());
        body.put("items", form.items());
        body.put("purpose", form.purpose());
        body.put("useScenario", form.useScenario());
        body.put("legalDuty", form.legalDuty());
        body.put("periodFrom", form.periodFrom());
        body.put("periodTo", form.periodTo());
        body.put("ways", ways);
        body.put("onBehalfOf", actor.name() + "，" + department + "（" + platform.name() + "）");
        JsonNode made = accepted(target, client.send(target, "POST", "/api/v1/share/applications", body));
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into federation_remote_application (peer_id, remote_id, foreign_entry_id, remote_entry_id,
                    resource_code, entry_name, provider_name, region_id, department_id, applied_by, systems, purpose,
                    status, due_on, created_at, synced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(target.peerId(), made.get("id").asLong(), form.entryId(), entry.originEntryId(),
                        entry.resourceCode(), entry.content().name(), entry.departmentName(), actor.regionId(),
                        actor.departmentId(), actor.name(), ownSystems.stream().map(String::valueOf)
                                .collect(Collectors.joining(",")),
                        made.path("purpose").asString(form.purpose() == null ? "" : form.purpose()),
                        made.path("status").asString("DRAFT"), date(made.path("dueOn")), now, now)
                .update();
        RemoteApplication application = byRemote(target.peerId(), made.get("id").asLong()).orElseThrow();
        audit.record(AuditEvent.success(FederationAuditAction.REMOTE_APPLY, "federation-remote-application",
                application.id(), entry.resourceCode() + " of " + target.name() + ", its application "
                        + application.remoteId()));
        return application;
    }

    /** Attaches a material's file there (the entry's materials are those that platform asks for). */
    JsonNode attach(Actor actor, long id, String material, MultipartFile file) {
        RemoteApplication application = own(actor, id);
        Target target = target(application);
        if (file == null || file.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("file"));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = "/api/v1/share/applications/" + application.remoteId() + "/attachments"
                + (material == null ? "" : "?material=" + java.net.URLEncoder.encode(material,
                        java.nio.charset.StandardCharsets.UTF_8));
        JsonNode attached = accepted(target, client.sendFile(target, path, "file",
                file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
                file.getContentType() == null ? "application/octet-stream" : file.getContentType(), content));
        audit.record(AuditEvent.success(FederationAuditAction.REMOTE_ATTACH, "federation-remote-application", id,
                "a file for " + (material == null ? "a material" : material) + " sent to " + target.name()));
        return attached;
    }

    RemoteApplication submit(Actor actor, long id) {
        RemoteApplication application = own(actor, id);
        Target target = target(application);
        JsonNode submitted = accepted(target, client.send(target, "POST",
                "/api/v1/share/applications/" + application.remoteId() + "/submit", Map.of()));
        mirror(application, submitted, target);
        audit.record(AuditEvent.success(FederationAuditAction.REMOTE_SUBMIT, "federation-remote-application", id,
                application.resourceCode() + " submitted to " + target.name() + ", due "
                        + submitted.path("dueOn").asString("-")));
        return load(id);
    }

    /** The department's applications to other platforms, newest first. */
    List<RemoteApplication> list(Actor actor) {
        FederationAccess.requireRemoteApplicant(actor);
        writeUses();
        return query(" where a.department_id = ? order by a.id desc", actor.departmentId());
    }

    /** One of the department's applications, asked of that platform again first (kept as it was if it is down). */
    RemoteApplication get(Actor actor, long id) {
        RemoteApplication application = own(actor, id);
        try {
            refresh(application);
        } catch (DomainException unavailable) {
            log.info("Application {} could not be refreshed from {}: {}", id, application.platform(),
                    unavailable.getMessage());
        }
        return load(id);
    }

    /** Asks the platforms about every application still open or granted, once a minute, once per cluster. */
    @Scheduled(initialDelayString = "${govdata.federation.remote-sync-interval:PT60S}",
            fixedDelayString = "${govdata.federation.remote-sync-interval:PT60S}")
    @SchedulerLock(name = "federation.remote-applications")
    void refreshFollowed() {
        for (RemoteApplication application : query(" order by a.id")) {
            if (!application.followed()) {
                continue;
            }
            try {
                refresh(application);
            } catch (DomainException e) {
                log.info("Application {} waits for {}: {}", application.id(), application.platform(), e.getMessage());
            }
        }
    }

    /** The approved application of the caller's department for an entry that the caller may use, for a relay. */
    Optional<RemoteApplication> granted(Actor actor, long entryId) {
        return query(" where a.department_id = ? and a.foreign_entry_id = ? and a.grant_id is not null order by a.id desc",
                actor.departmentId(), entryId).stream()
                .filter(a -> actor.kind() == Actor.Kind.USER || a.systems().contains(actor.id()))
                .findFirst();
    }

    /**
     * Counts a relayed use. Each use is already in the audit log, durable before its answer; the count on the
     * application is a convenience, so uses are added up here and written every few seconds (and before any
     * application is read), not one write per use in the relay's path.
     */
    void used(long id) {
        pendingUses.computeIfAbsent(id, k -> new PendingUses()).add(now());
    }

    @Scheduled(fixedDelayString = "${govdata.federation.remote-use-flush-interval:PT5S}")
    @PreDestroy
    void writeUses() {
        for (Long id : List.copyOf(pendingUses.keySet())) {
            PendingUses pending = pendingUses.remove(id);
            if (pending != null && pending.count.sum() > 0) {
                jdbc.sql("""
                        update federation_remote_application set use_count = use_count + ?,
                            last_used_at = case when last_used_at is null or last_used_at < ? then ? else last_used_at end
                        where id = ?""")
                        .params(pending.count.sum(), pending.last, pending.last, id).update();
            }
        }
    }

    /** Uses of one application not yet written, and the time of the last. */
    private static final class PendingUses {
        final java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();
        volatile OffsetDateTime last;

        void add(OffsetDateTime at) {
            count.increment();
            last = at;
        }
    }

    Target target(RemoteApplication application) {
        return peers.enabledById(application.peerId()).orElseThrow(() -> new DomainException(
                ProblemCode.PEER_UNAVAILABLE, application.platform(), "the link to it is disabled"));
    }

    private void refresh(RemoteApplication application) {
        Target target = target(application);
        JsonNode there = accepted(target, client.send(target, "GET",
                "/api/v1/share/applications/" + application.remoteId(), null));
        mirror(application, there, target);
        peers.succeeded(target.peerId());
    }

    /** Keeps what that platform answered about the application and, once granted, its grant. */
    private void mirror(RemoteApplication application, JsonNode there, Target target) {
        Long grantId = null;
        List<String> items = List.of();
        boolean active = false;
        LocalDate validUntil = null;
        JsonNode grantIds = there.path("grantIds");
        if (grantIds.isArray() && !grantIds.isEmpty()) {
            grantId = grantIds.get(grantIds.size() - 1).asLong();
            JsonNode grant = accepted(target, client.send(target, "GET", "/api/v1/share/grants/" + grantId, null));
            items = new ArrayList<>();
            for (JsonNode item : grant.path("items")) {
                items.add(item.asString());
            }
            active = "ACTIVE".equals(grant.path("status").asString(""));
            validUntil = date(grant.path("validUntil"));
        }
        JsonNode refusal = there.path("refusal");
        jdbc.sql("""
                update federation_remote_application set status = ?, due_on = ?, decided_by = ?, refusal_reason = ?,
                    grant_id = ?, granted_items = ?, grant_active = ?, valid_until = ?, synced_at = ?
                where id = ?""")
                .params(there.path("status").asString(application.status()), date(there.path("dueOn")),
                        there.path("decidedBy").asString(null),
                        refusal.isObject() ? refusal.path("reason").asString(null) : null, grantId,
                        items.isEmpty() ? null : String.join(",", items), active, validUntil, now(), application.id())
                .update();
    }

    /** The body of an accepted answer; a refusal there is this platform's {@code PEER_REFUSED}, with its reason. */
    private JsonNode accepted(Target target, Answer answer) {
        JsonNode body = answer.body() == null || answer.body().isBlank() ? json.createObjectNode()
                : readOrNull(answer.body());
        if (answer.ok() && body != null) {
            return body;
        }
        StringBuilder reason = new StringBuilder(body == null ? "HTTP " + answer.status()
                : body.path("detail").asString(body.path("title").asString("HTTP " + answer.status())));
        if (body != null) {
            // each broken rule as that platform worded it, so the applicant knows what to change
            for (JsonNode error : body.path("errors")) {
                reason.append(" ").append(error.path("location").asString("")).append("：")
                        .append(error.path("message").asString(""));
            }
        }
        throw new DomainException(ProblemCode.PEER_REFUSED, target.name(), reason.toString().strip());
    }

    private JsonNode readOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private RemoteApplication own(Actor actor, long id) {
        FederationAccess.requireRemoteApplicant(actor);
        return query(" where a.id = ? and a.department_id = ?", id, actor.departmentId()).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("remote application", id));
    }

    RemoteApplication load(long id) {
        writeUses();
        return query(" where a.id = ?", id).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("remote application", id));
    }

    private Optional<RemoteApplication> byRemote(long peerId, long remoteId) {
        return query(" where a.peer_id = ? and a.remote_id = ?", peerId, remoteId).stream().findFirst();
    }

    private List<RemoteApplication> query(String where, Object... params) {
        return jdbc.sql("""
                select a.*, p.name as platform from federation_remote_application a
                join federation_peer p on p.id = a.peer_id""" + where)
                .params(Arrays.asList(params))
                .query((rs, n) -> new RemoteApplication(rs.getLong("id"), rs.getLong("peer_id"),
                        rs.getString("platform"), rs.getLong("remote_id"), rs.getLong("foreign_entry_id"),
                        rs.getLong("remote_entry_id"), rs.getString("resource_code"), rs.getString("entry_name"),
                        rs.getString("provider_name"), rs.getLong("department_id"), rs.getString("applied_by"),
                        ids(rs.getString("systems")), rs.getString("purpose"), rs.getString("status"),
                        rs.getObject("due_on", LocalDate.class), rs.getString("decided_by"),
                        rs.getString("refusal_reason"), rs.getObject("grant_id", Long.class),
                        rs.getString("granted_items") == null ? List.of()
                                : List.of(rs.getString("granted_items").split(",")),
                        rs.getBoolean("grant_active"), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("synced_at", OffsetDateTime.class), rs.getLong("use_count"),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .list();
    }

    private static List<Long> ids(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : LocalDate.parse(node.asString());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
