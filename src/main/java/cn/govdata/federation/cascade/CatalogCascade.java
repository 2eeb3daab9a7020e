package cn.govdata.federation.cascade;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.catalog.CatalogEntryChanged;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.federation.peer.PeerClient;
import cn.govdata.federation.peer.PeerClient.Target;
import cn.govdata.federation.peer.Peers;
import cn.govdata.federation.peer.ThisPlatform;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.org.Directory.RegionInfo;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The lower end of the catalog cascade: this platform's published catalog, its changes and retirements, delivered
 * to every enabled upper peer with the peer's client credentials (push, as the issue suggests: registering the
 * upper platform here is all it takes, and the upper needs no credentials of ours).
 *
 * <ul>
 * <li>After each publication or retirement commits, the entry is delivered at once, in a thread of its own so
 * that the publishing request never waits for a peer.</li>
 * <li>Every half minute (once per cluster) the published catalog is compared with what each peer last accepted
 * ({@code federation_cascade}) and what differs is delivered: a peer that was down, or added later, catches up.</li>
 * <li>What a peer accepted is recorded only after it answered 2xx, so a failed delivery records nothing and is sent
 * again; the upper platform ignores a version it already has, so sending twice is harmless.</li>
 * </ul>
 */
@Component
class CatalogCascade {

    private static final Logger log = LoggerFactory.getLogger(CatalogCascade.class);
    private static final int PAGE = 500;
    static final String PATH = "/api/v1/federation/catalog/entries/";

    private record Delivered(int version, boolean retired) {
    }

    private final Peers peers;
    private final PeerClient client;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final ThisPlatform platform;
    private final ExecutorService immediate = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("federation-cascade").daemon().factory());

    CatalogCascade(Peers peers, PeerClient client, PublishedCatalog catalog, Directory directory, JdbcClient jdbc,
            ThisPlatform platform) {
        this.peers = peers;
        this.client = client;
        this.catalog = catalog;
        this.directory = directory;
        this.jdbc = jdbc;
        this.platform = platform;
    }

    @TransactionalEventListener
    void onEntryChanged(CatalogEntryChanged event) {
        immediate.execute(() -> deliverToEveryPeer(event.entryId()));
    }

    /** Runs in the cascade's own thread: whatever fails here, the catch-up sends the entry again. */
    private void deliverToEveryPeer(long entryId) {
        List<Target> targets;
        try {
            targets = peers.enabled(Peers.Relation.UPPER);
        } catch (RuntimeException e) {
            log.warn("Catalog entry {} not delivered: the upper peers could not be read", entryId, e);
            return;
        }
        for (Target peer : targets) {
            try {
                deliver(peer, entryId);
                peers.succeeded(peer.peerId());
            } catch (DomainException e) {
                peers.failed(peer.peerId(), reason(e));
                log.info("Catalog entry {} not yet delivered to {}: {}", entryId, peer.name(), e.getMessage());
            } catch (RuntimeException e) {
                peers.failed(peer.peerId(), e.toString());
                log.warn("Catalog entry {} not delivered to {}", entryId, peer.name(), e);
            }
        }
    }

    /** Delivers what differs from each peer's last accepted state. */
    @Scheduled(initialDelayString = "${govdata.federation.cascade-interval:PT30S}",
            fixedDelayString = "${govdata.federation.cascade-interval:PT30S}")
    @SchedulerLock(name = "federation.cascade")
    void catchUp() {
        for (Target peer : peers.enabled(Peers.Relation.UPPER)) {
            try {
                catchUp(peer);
                peers.succeeded(peer.peerId());
            } catch (DomainException e) {
                peers.failed(peer.peerId(), reason(e));
                log.info("The catalog cascade to {} waits for it: {}", peer.name(), e.getMessage());
            } catch (RuntimeException e) {
                peers.failed(peer.peerId(), e.toString());
                log.warn("The catalog cascade to {} failed", peer.name(), e);
            }
        }
    }

    void catchUp(Target peer) {
        Map<Long, Delivered> delivered = delivered(peer.peerId());
        Set<Long> published = new HashSet<>();
        long after = 0;
        while (true) {
            List<PublishedEntry> page = catalog.after(after, PAGE);
            for (PublishedEntry entry : page) {
                after = entry.id();
                published.add(entry.id());
                Delivered state = delivered.get(entry.id());
                if (state == null || state.retired() || state.version() != entry.version()) {
                    put(peer, entry);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        for (Map.Entry<Long, Delivered> state : delivered.entrySet()) {
            if (!state.getValue().retired() && !published.contains(state.getKey())) {
                retire(peer, state.getKey());
            }
        }
    }

    /** The entry as it is now: its version in force, or its retirement if it was delivered before. */
    private void deliver(Target peer, long entryId) {
        Optional<PublishedEntry> entry = catalog.byId(entryId);
        if (entry.isPresent()) {
            put(peer, entry.get());
        } else if (delivered(peer.peerId()).containsKey(entryId)) {
            retire(peer, entryId);
        }
    }

    private void put(Target peer, PublishedEntry entry) {
        DepartmentInfo department = directory.department(entry.departmentId()).orElseThrow();
        Optional<RegionInfo> region = directory.region(entry.regionId());
        CatalogDelivery delivery = new CatalogDelivery(platform.name(), platform.publicUrl(), entry.resourceCode(),
                entry.version(), new CatalogDelivery.Department(department.name(), department.creditCode()),
                region.map(r -> new CatalogDelivery.Region(r.divisionCode(), r.name())).orElse(null),
                entry.content());
        PeerClient.Answer answer = client.send(peer, "PUT", PATH + entry.id(), delivery);
        if (!answer.ok()) {
            // refused (not unreachable): the other entries still go; this one is tried again at the next catch-up
            peers.failed(peer.peerId(), "entry " + entry.resourceCode() + " refused: HTTP " + answer.status() + " "
                    + answer.body());
            return;
        }
        record(peer.peerId(), entry.id(), entry.version(), false);
    }

    private void retire(Target peer, long entryId) {
        PeerClient.Answer answer = client.send(peer, "DELETE", PATH + entryId, null);
        if (!answer.ok()) {
            peers.failed(peer.peerId(), "retirement of entry " + entryId + " refused: HTTP " + answer.status());
            return;
        }
        Delivered before = delivered(peer.peerId()).get(entryId);
        record(peer.peerId(), entryId, before == null ? 0 : before.version(), true);
    }

    private Map<Long, Delivered> delivered(long peerId) {
        Map<Long, Delivered> delivered = new HashMap<>();
        jdbc.sql("select entry_id, version, retired from federation_cascade where peer_id = ?").param(peerId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> delivered.put(rs.getLong(1),
                        new Delivered(rs.getInt(2), rs.getBoolean(3))));
        return delivered;
    }

    private void record(long peerId, long entryId, int version, boolean retired) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String update = "update federation_cascade set version = ?, retired = ?, delivered_at = ? "
                + "where peer_id = ? and entry_id = ?";
        if (jdbc.sql(update).params(version, retired, now, peerId, entryId).update() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into federation_cascade (peer_id, entry_id, version, retired, delivered_at) "
                    + "values (?, ?, ?, ?, ?)").params(peerId, entryId, version, retired, now).update();
        } catch (DuplicateKeyException recordedMeanwhile) {
            jdbc.sql(update).params(version, retired, now, peerId, entryId).update();
        } catch (org.springframework.dao.DataIntegrityViolationException peerDeletedMeanwhile) {
            // the peer was deleted while delivering: nothing to keep
        }
    }

    /** What the administrator reads in the peer's last error: the peer's own words, not the problem's code. */
    private static String reason(RuntimeException e) {
        if (e instanceof DomainException problem && problem.code() == ProblemCode.PEER_UNAVAILABLE
                && problem.arguments().length > 1) {
            return String.valueOf(problem.arguments()[1]);
        }
        return e.getMessage();
    }

    @PreDestroy
    void close() {
        immediate.shutdownNow();
    }
}
