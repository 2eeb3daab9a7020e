package cn.govdata.federation.peer;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.federation.FederationAccess;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * The platforms this one is linked with (SHR-10), registered by the data authority's system administrator with the
 * client credentials of a connected system created for this platform on the peer. The secret is sealed at rest
 * ({@link PeerSecrets}) and never answered or audited. A peer is reached over https; plain http only on this
 * machine's loopback address, in demo mode or where {@code govdata.federation.allow-http-loopback} says so.
 */
@Service
public class Peers {

    /** UPPER: the platform this one reports to (its catalog cascades there); LOWER: one that reports to this one. */
    public enum Relation { UPPER, LOWER }

    /** A peer as the API answers it: never its secret. */
    public record Peer(long id, String name, String baseUrl, Relation relation, String clientId, boolean enabled,
            OffsetDateTime lastSuccessAt, OffsetDateTime lastFailureAt, String lastError, String createdBy,
            OffsetDateTime createdAt) {
    }

    record NewPeer(String name, String baseUrl, String relation, String clientId, String clientSecret) {
    }

    private final JdbcClient jdbc;
    private final PeerSecrets secrets;
    private final PeerClient client;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final boolean plainHttpOnLoopback;

    Peers(JdbcClient jdbc, PeerSecrets secrets, PeerClient client, AuditLog audit, TransactionTemplate transactions,
            @Value("${govdata.demo:false}") boolean demo,
            @Value("${govdata.federation.allow-http-loopback:false}") boolean allowHttpLoopback) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.client = client;
        this.audit = audit;
        this.transactions = transactions;
        this.plainHttpOnLoopback = demo || allowHttpLoopback;
    }

    List<Peer> list(Actor actor) {
        FederationAccess.requireAdministrator(actor);
        return jdbc.sql(SELECT + " order by id").query(Peers::map).list();
    }

    Peer get(Actor actor, long id) {
        FederationAccess.requireAdministrator(actor);
        return find(id).orElseThrow(() -> DomainException.notFound("peer", id));
    }

    /**
     * Registers a peer after signing in there with its credentials: a peer that cannot be reached, or that refuses
     * them, is answered as a problem and nothing is recorded. The sign-in happens before the transaction, so that
     * a slow peer holds no database connection.
     */
    Peer register(Actor actor, NewPeer request) {
        FederationAccess.requireAdministrator(actor);
        String name = required("name", request.name(), 100);
        String baseUrl = address(required("baseUrl", request.baseUrl(), 500));
        Relation relation = relation(required("relation", request.relation(), 8));
        String clientId = required("clientId", request.clientId(), 100);
        String secret = required("clientSecret", request.clientSecret(), 200);
        if (jdbc.sql("select count(*) from federation_peer where base_url = ? and relation = ?")
                .params(baseUrl, relation.name()).query(Integer.class).single() > 0) {
            throw new DomainException(ProblemCode.PEER_EXISTS, baseUrl);
        }
        client.signIn(new PeerClient.Target(-1, name, baseUrl, clientId, secret));
        client.forget(-1);
        return transactions.execute(status -> insert(actor, name, baseUrl, relation, clientId, secret));
    }

    private Peer insert(Actor actor, String name, String baseUrl, Relation relation, String clientId, String secret) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into federation_peer (name, base_url, relation, client_id, client_secret, enabled,
                    last_success_at, created_by, created_at)
                values (?, ?, ?, ?, ?, true, ?, ?, ?)""")
                .params(name, baseUrl, relation.name(), clientId, secrets.seal(baseUrl, clientId, secret), now,
                        actor.name(), now)
                .update();
        Peer peer = jdbc.sql(SELECT + " where base_url = ? and relation = ?").params(baseUrl, relation.name())
                .query(Peers::map).single();
        audit.record(AuditEvent.success(FederationAuditAction.PEER_REGISTER, "federation-peer", peer.id(),
                relation + " " + name + " " + baseUrl + " client " + clientId));
        return peer;
    }

    @Transactional
    Peer enable(Actor actor, long id, boolean enabled) {
        Peer peer = get(actor, id);
        if (peer.enabled() != enabled) {
            jdbc.sql("update federation_peer set enabled = ? where id = ?").params(enabled, id).update();
            audit.record(AuditEvent.success(enabled ? FederationAuditAction.PEER_ENABLE
                    : FederationAuditAction.PEER_DISABLE, "federation-peer", id, peer.name() + " " + peer.baseUrl()));
        }
        return get(actor, id);
    }

    /** Deletes a peer and what the cascade delivered to it (the upper platform keeps the entries it received). */
    @Transactional
    void delete(Actor actor, long id) {
        Peer peer = get(actor, id);
        jdbc.sql("delete from federation_cascade where peer_id = ?").param(id).update();
        jdbc.sql("delete from federation_peer where id = ?").param(id).update();
        client.forget(id);
        audit.record(AuditEvent.success(FederationAuditAction.PEER_DELETE, "federation-peer", id,
                peer.relation() + " " + peer.name() + " " + peer.baseUrl()));
    }

    // --- for the cascade -----------------------------------------------------------------------------------

    /** The enabled peers of a relation, each with its opened secret, to call them. */
    public List<PeerClient.Target> enabled(Relation relation) {
        return jdbc.sql("""
                select id, name, base_url, client_id, client_secret from federation_peer
                where enabled = true and relation = ? order by id""")
                .param(relation.name())
                .query(this::target)
                .list();
    }

    /** The enabled peer of a relation at an address (as registered, without a trailing slash), to call it. */
    public java.util.Optional<PeerClient.Target> enabledAt(Relation relation, String baseUrl) {
        String wanted = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        return enabled(relation).stream().filter(t -> t.baseUrl().replaceAll("/+$", "").equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** An enabled peer by its id, to call it: one row read and one secret opened (every relayed use asks). */
    public java.util.Optional<PeerClient.Target> enabledById(long peerId) {
        return jdbc.sql("""
                select id, name, base_url, client_id, client_secret from federation_peer
                where id = ? and enabled = true""")
                .param(peerId)
                .query(this::target)
                .optional();
    }

    /** A row of id, name, base_url, client_id, client_secret as a target, its secret opened. */
    private PeerClient.Target target(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PeerClient.Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                secrets.open(rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** The peer answered: clears its last error. */
    public void succeeded(long peerId) {
        jdbc.sql("update federation_peer set last_success_at = ?, last_error = null where id = ?").params(now(), peerId)
                .update();
    }

    /** The peer could not be reached or refused a delivery: kept for the administrator to see. */
    public void failed(long peerId, String error) {
        String shortened = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("update federation_peer set last_failure_at = ?, last_error = ? where id = ?")
                .params(now(), shortened, peerId).update();
    }

    // --- rules ---------------------------------------------------------------------------------------------

    private static String required(String field, String value, int max) {
        return FieldName.of(field).requiredText(value, max);
    }

    private static Relation relation(String value) {
        try {
            return Relation.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("relation"), value + " (UPPER or LOWER)");
        }
    }

    /**
     * The peer's address without a trailing slash, if it is one the platform calls: https, or plain http on loopback
     * where allowed. Harvest sources are held to the same rule.
     */
    public String address(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new DomainException(ProblemCode.PEER_URL_INVALID, value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new DomainException(ProblemCode.PEER_URL_INVALID, value);
        }
        if (scheme.equals("http") && !(plainHttpOnLoopback && isLoopback(uri.getHost()))) {
            throw new DomainException(ProblemCode.PEER_URL_NOT_HTTPS, value);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** Loopback by its name or address literal, never by resolving a name (which could be made to point anywhere). */
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private Optional<Peer> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Peers::map).optional();
    }

    private static final String SELECT = """
            select id, name, base_url, relation, client_id, enabled, last_success_at, last_failure_at, last_error,
                created_by, created_at
            from federation_peer""";

    private static Peer map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Peer(rs.getLong("id"), rs.getString("name"), rs.getString("base_url"),
                Relation.valueOf(rs.getString("relation")), rs.getString("client_id"), rs.getBoolean("enabled"),
                rs.getObject("last_success_at", OffsetDateTime.class), rs.getObject("last_failure_at", OffsetDateTime.class),
                rs.getString("last_error"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
