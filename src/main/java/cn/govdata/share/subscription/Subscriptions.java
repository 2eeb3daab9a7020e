package cn.govdata.share.subscription;

import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.lake.LakeRecords;
import cn.govdata.org.Accounts;
import cn.govdata.org.ConnectedSystems;
import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.ShareGrants;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions (主动推送, SHR-5) as their subscribers manage them: a connected system or a data user of the
 * consumer department, holding a grant that allows {@link WayOfUse#SUBSCRIPTION}, registers an endpoint for an
 * entry; the platform pushes the granted part of every later change there ({@link SubscriptionPusher}). A
 * subscription is seen and managed by the system or user that registered it and by the department's data users;
 * to anyone else it does not exist (404). Every change is audited.
 */
@Service
class Subscriptions {

    enum Status {
        ACTIVE,
        /** Paused by the subscriber; changes wait, the cursor stays. */
        PAUSED,
        /** Stopped by the platform (the grant no longer allows it, the owner is gone); {@code statusReason} says why. */
        SUSPENDED
    }

    enum DeadLetterStatus { PENDING, RETRIED, DISCARDED }

    record NewSubscription(Long entryId, String endpoint, List<String> items, Boolean fullInitialDelivery) {
    }

    /**
     * A subscription as its subscriber sees it. {@code secret} is there only in the answer that issues it
     * (registration, rotation); {@code statusReason} is a problem code ({@code GRANT_REVOKED}, …) or
     * {@code OWNER_INACTIVE}.
     */
    record Subscription(long id, long entryId, long consumerDepartmentId, Actor.Kind ownerKind, long ownerId,
            String ownerName, Long grantId, String endpoint, List<String> items, Status status, String statusReason,
            long deliveredCursor, int failedAttempts, OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt,
            OffsetDateTime lastSuccessAt, String lastError, OffsetDateTime createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        Subscription withSecret(String issued) {
            return new Subscription(id, entryId, consumerDepartmentId, ownerKind, ownerId, ownerName, grantId,
                    endpoint, items, status, statusReason, deliveredCursor, failedAttempts, nextAttemptAt,
                    lastAttemptAt, lastSuccessAt, lastError, createdAt, issued);
        }
    }

    /** One delivery request and how it went. */
    record Delivery(String id, long grantId, OffsetDateTime attemptedAt, long fromCursor, long toCursor, int page,
            int pages, int records, Integer httpStatus, String error, boolean succeeded) {
    }

    /** Changes given up on after the last attempt: their range, never their data. */
    record DeadLetter(long id, long subscriptionId, long fromCursor, long toCursor, long changes, int attempts,
            String lastError, OffsetDateTime createdAt, DeadLetterStatus status, OffsetDateTime resolvedAt,
            String resolvedBy) {
    }

    /** Asks for a delivery to the subscription once the current transaction has committed. */
    record SubscriptionDue(long subscriptionId) {
    }

    /** A subscription with what only the platform sees: its secret as stored, sealed ({@link SubscriptionSecrets}). */
    record Row(Subscription view, String storedSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            select id, entry_id, consumer_department_id, owner_kind, owner_id, owner_name, grant_id, endpoint, items,
                   secret, status, status_reason, delivered_seq, failed_attempts, next_attempt_at, last_attempt_at,
                   last_success_at, last_error, created_at
            from share_subscription""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ShareGrants grants;
    private final LakeRecords lake;
    private final AuditLog audit;
    private final SubscriptionSettings settings;
    private final ConnectedSystems systems;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final SubscriptionSecrets secrets;
    private final EndpointAddressPolicy addresses;
    private final TransactionTemplate independent;

    Subscriptions(JdbcClient jdbc, JsonMapper json, ShareGrants grants, LakeRecords lake, AuditLog audit,
            SubscriptionSettings settings, ConnectedSystems systems, Accounts accounts,
            ApplicationEventPublisher events, SubscriptionSecrets secrets, EndpointAddressPolicy addresses,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.grants = grants;
        this.lake = lake;
        this.audit = audit;
        this.settings = settings;
        this.systems = systems;
        this.accounts = accounts;
        this.events = events;
        this.secrets = secrets;
        this.addresses = addresses;
        // the audit of a refused endpoint must outlive the rollback of the refused registration
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * Registers a subscription: the endpoint must be https (http only for allowed hosts), the caller must hold a
     * grant for the entry that allows subscription and every item asked for, and the endpoint's host must resolve
     * only to addresses the platform pushes to ({@link EndpointAddressPolicy}). Changes after the dataset's
     * current cursor are pushed, or, with {@code fullInitialDelivery}, first every admitted record.
     */
    @Transactional
    Subscription register(Actor actor, NewSubscription request) {
        if (request == null || request.entryId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("entryId"));
        }
        URI endpoint = SubscriptionEndpoint.checked(request.endpoint(), settings.httpAllowedHosts());
        List<String> items = request.items() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.items().stream().filter(i -> i != null && !i.isBlank())
                        .map(String::strip).toList()));
        AuthorizedUse use = grants.authorize(actor, request.entryId(), WayOfUse.SUBSCRIPTION, Set.copyOf(items));
        requireAllowedAddresses(actor, endpoint, use);
        boolean full = Boolean.TRUE.equals(request.fullInitialDelivery());
        long cursor = full ? 0 : lake.ofEntry(request.entryId()).map(LakeRecords.Source::sequence).orElse(0L);
        String secret = newSecret();
        OffsetDateTime now = ShareClock.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_subscription (entry_id, consumer_department_id, owner_kind, owner_id, owner_name,
                    grant_id, endpoint, items, secret, status, delivered_seq, failed_attempts, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, '', 'ACTIVE', ?, 0, ?, ?)""")
                .params(request.entryId(), actor.departmentId(), actor.kind().name(), actor.id(), actor.name(),
                        use.grantId(), endpoint.toString(), items.isEmpty() ? null : json.writeValueAsString(items),
                        cursor, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        // sealed for this row's id, known only now; nobody sees the row before the transaction commits
        jdbc.sql("update share_subscription set secret = ? where id = ?").params(secrets.seal(id, secret), id).update();
        audit.record(new AuditEvent(ShareAuditAction.SUBSCRIPTION_CREATE, "share-subscription", Long.toString(id),
                AuditOutcome.SUCCESS, use.resourceCode() + " to " + endpoint + ", items "
                        + (items.isEmpty() ? use.items() : items) + (full ? ", full initial delivery"
                                : ", changes after cursor " + cursor),
                use.purpose(), Long.toString(use.grantId())));
        if (full) {
            events.publishEvent(new SubscriptionDue(id));
        }
        return get(actor, id).withSecret(secret);
    }

    List<Subscription> list(Actor actor) {
        List<Object> params = new ArrayList<>(List.of(actor.departmentId()));
        String where = " where consumer_department_id = ?";
        if (!SharePermissions.seesDepartmentSubscriptions(actor)) {
            where += " and owner_kind = ? and owner_id = ?";
            params.add(actor.kind().name());
            params.add(actor.id());
        }
        return jdbc.sql(SELECT + where + " order by id desc").params(params).query(this::map).list().stream()
                .map(Row::view).toList();
    }

    Subscription get(Actor actor, long id) {
        return visible(actor, id).view();
    }

    @Transactional
    Subscription pause(Actor actor, long id) {
        Subscription subscription = get(actor, id);
        requireStatus(subscription, Set.of(Status.ACTIVE));
        jdbc.sql("update share_subscription set status = 'PAUSED', updated_at = ? where id = ?")
                .params(ShareClock.now(), id).update();
        audit.record(AuditEvent.success(ShareAuditAction.SUBSCRIPTION_PAUSE, "share-subscription", id, null));
        return get(actor, id);
    }

    /**
     * Resumes a paused or suspended subscription once the grant allows it again (authorised anew, a refusal
     * answered as such); the changes since its cursor follow.
     */
    @Transactional
    Subscription resume(Actor actor, long id) {
        Subscription subscription = get(actor, id);
        requireStatus(subscription, Set.of(Status.PAUSED, Status.SUSPENDED));
        AuthorizedUse use = grants.authorize(actor, subscription.entryId(), WayOfUse.SUBSCRIPTION,
                Set.copyOf(subscription.items()));
        jdbc.sql("""
                update share_subscription set status = 'ACTIVE', status_reason = null, grant_id = ?,
                    failed_attempts = 0, next_attempt_at = null, updated_at = ? where id = ?""")
                .params(use.grantId(), ShareClock.now(), id).update();
        audit.record(new AuditEvent(ShareAuditAction.SUBSCRIPTION_RESUME, "share-subscription", Long.toString(id),
                AuditOutcome.SUCCESS, "was " + subscription.status(), use.purpose(), Long.toString(use.grantId())));
        events.publishEvent(new SubscriptionDue(id));
        return get(actor, id);
    }

    @Transactional
    void delete(Actor actor, long id) {
        Subscription subscription = get(actor, id);
        jdbc.sql("delete from share_subscription where id = ?").param(id).update();
        audit.record(AuditEvent.success(ShareAuditAction.SUBSCRIPTION_DELETE, "share-subscription", id,
                "entry " + subscription.entryId() + ", endpoint " + subscription.endpoint()));
    }

    /** A new signing secret, shown once; the old one signs nothing from now on. */
    @Transactional
    Subscription rotateSecret(Actor actor, long id) {
        get(actor, id);
        String secret = newSecret();
        jdbc.sql("update share_subscription set secret = ?, updated_at = ? where id = ?")
                .params(secrets.seal(id, secret), ShareClock.now(), id).update();
        audit.record(AuditEvent.success(ShareAuditAction.SUBSCRIPTION_ROTATE_SECRET, "share-subscription", id, null));
        return get(actor, id).withSecret(secret);
    }

    List<Delivery> deliveries(Actor actor, long id) {
        get(actor, id);
        return jdbc.sql("""
                select id, grant_id, attempted_at, from_seq, to_seq, page, pages, records, http_status, error, succeeded
                from share_subscription_delivery where subscription_id = ? order by attempted_at desc, page desc
                limit 100""").param(id)
                .query((rs, n) -> new Delivery(rs.getString("id"), rs.getLong("grant_id"),
                        rs.getObject("attempted_at", OffsetDateTime.class), rs.getLong("from_seq"),
                        rs.getLong("to_seq"), rs.getInt("page"), rs.getInt("pages"), rs.getInt("records"),
                        (Integer) rs.getObject("http_status", Integer.class), rs.getString("error"),
                        rs.getBoolean("succeeded")))
                .list();
    }

    List<DeadLetter> deadLetters(Actor actor, long id) {
        get(actor, id);
        return jdbc.sql("select * from share_subscription_dead_letter where subscription_id = ? order by id desc")
                .param(id).query(Subscriptions::deadLetter).list();
    }

    /**
     * Delivers a dead letter's changes again: the subscription's cursor goes back to the dead letter's start, so
     * its changes — and any later ones, again — are read anew under the grant as it is now and pushed.
     */
    @Transactional
    DeadLetter retry(Actor actor, long id, long deadLetterId) {
        DeadLetter letter = pendingDeadLetter(actor, id, deadLetterId);
        resolve(actor, letter, DeadLetterStatus.RETRIED);
        jdbc.sql("""
                update share_subscription set delivered_seq = least(delivered_seq, ?), failed_attempts = 0,
                    next_attempt_at = null, updated_at = ? where id = ?""")
                .params(letter.fromCursor(), ShareClock.now(), id).update();
        audit.record(AuditEvent.success(ShareAuditAction.SUBSCRIPTION_DEAD_LETTER_RETRY, "share-subscription", id,
                "dead letter " + deadLetterId + ", cursor back to " + letter.fromCursor()));
        events.publishEvent(new SubscriptionDue(id));
        return deadLetter(id, deadLetterId);
    }

    @Transactional
    DeadLetter discard(Actor actor, long id, long deadLetterId) {
        DeadLetter letter = pendingDeadLetter(actor, id, deadLetterId);
        resolve(actor, letter, DeadLetterStatus.DISCARDED);
        audit.record(AuditEvent.success(ShareAuditAction.SUBSCRIPTION_DEAD_LETTER_DISCARD, "share-subscription", id,
                "dead letter " + deadLetterId + ", cursor " + letter.fromCursor() + " to " + letter.toCursor()));
        return deadLetter(id, deadLetterId);
    }

    // --- for the pusher -------------------------------------------------------------------------------------

    Optional<Row> row(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    /** The secret that signs the subscription's deliveries, opened from its sealed form. */
    String signingSecret(Row row) {
        return secrets.open(row.view().id(), row.storedSecret());
    }

    /** The system or user in whose name the subscription is authorised, or empty once it is revoked or disabled. */
    Optional<Actor> owner(Subscription subscription) {
        return subscription.ownerKind() == Actor.Kind.SYSTEM ? systems.actor(subscription.ownerId())
                : accounts.status(subscription.ownerId()).map(Accounts.AccountStatus::actor);
    }

    // --- internals ------------------------------------------------------------------------------------------

    private Row visible(Actor actor, long id) {
        return row(id).filter(row -> SharePermissions.seesSubscription(actor, row.view().consumerDepartmentId(),
                row.view().ownerKind(), row.view().ownerId()))
                .orElseThrow(() -> DomainException.notFound("subscription", id));
    }

    /**
     * Refuses an endpoint whose host resolves to an address the platform does not push to. Checked after the
     * grant, so that only a caller entitled to subscribe learns where a name resolves; the refusal is audited, as
     * a probe of internal addresses is worth seeing.
     */
    private void requireAllowedAddresses(Actor actor, URI endpoint, AuthorizedUse use) {
        DomainException refusal;
        String detail;
        try {
            addresses.resolve(endpoint.getHost());
            return;
        } catch (EndpointAddressPolicy.ForbiddenAddressException e) {
            EndpointAddressPolicy.Refused refused = e.refused();
            refusal = new DomainException(ProblemCode.SUBSCRIPTION_ENDPOINT_FORBIDDEN, refused.host(),
                    refused.address().getHostAddress(), refused.refusal().label());
            detail = refused.describe();
        } catch (UnknownHostException e) {
            refusal = new DomainException(ProblemCode.SUBSCRIPTION_ENDPOINT_UNRESOLVED, endpoint.getHost());
            detail = endpoint.getHost() + " has no address";
        }
        AuditEvent event = new AuditEvent(ShareAuditAction.SUBSCRIPTION_CREATE, "catalog-entry", Long.toString(use.entryId()),
                AuditOutcome.FAILURE, refusal.code() + " " + endpoint + ": " + detail, use.purpose(),
                Long.toString(use.grantId()));
        independent.executeWithoutResult(status -> audit.record(event,
                new AuditActor(actor.name(), actor.departmentId(), null)));
        throw refusal;
    }

    private static void requireStatus(Subscription subscription, Set<Status> allowed) {
        if (!allowed.contains(subscription.status())) {
            throw new DomainException(ProblemCode.SUBSCRIPTION_STATE, subscription.id(), label(subscription.status()));
        }
    }

    private static LocalizedText label(Status status) {
        return switch (status) {
            case ACTIVE -> new LocalizedText("推送中", "active");
            case PAUSED -> new LocalizedText("已暂停", "paused");
            case SUSPENDED -> new LocalizedText("已中止", "suspended");
        };
    }

    private DeadLetter pendingDeadLetter(Actor actor, long id, long deadLetterId) {
        get(actor, id);
        DeadLetter letter = deadLetter(id, deadLetterId);
        if (letter.status() != DeadLetterStatus.PENDING) {
            throw new DomainException(ProblemCode.DEAD_LETTER_RESOLVED, deadLetterId,
                    letter.status() == DeadLetterStatus.RETRIED ? new LocalizedText("重试", "retried")
                            : new LocalizedText("丢弃", "discarded"));
        }
        return letter;
    }

    private void resolve(Actor actor, DeadLetter letter, DeadLetterStatus status) {
        int changed = jdbc.sql("""
                update share_subscription_dead_letter set status = ?, resolved_at = ?, resolved_by = ?
                where id = ? and status = 'PENDING'""")
                .params(status.name(), ShareClock.now(), actor.name(), letter.id()).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.DEAD_LETTER_RESOLVED, letter.id(), new LocalizedText("处理", "handled"));
        }
    }

    private DeadLetter deadLetter(long id, long deadLetterId) {
        return jdbc.sql("select * from share_subscription_dead_letter where id = ? and subscription_id = ?")
                .params(deadLetterId, id).query(Subscriptions::deadLetter).optional()
                .orElseThrow(() -> DomainException.notFound("dead letter", deadLetterId));
    }

    private static DeadLetter deadLetter(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("from_seq"),
                rs.getLong("to_seq"), rs.getLong("changes"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), DeadLetterStatus.valueOf(rs.getString("status")),
                rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolved_by"));
    }

    private Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String items = rs.getString("items");
        Subscription view = new Subscription(rs.getLong("id"), rs.getLong("entry_id"),
                rs.getLong("consumer_department_id"), Actor.Kind.valueOf(rs.getString("owner_kind")),
                rs.getLong("owner_id"), rs.getString("owner_name"), (Long) rs.getObject("grant_id", Long.class),
                rs.getString("endpoint"), items == null ? List.of() : json.readValue(items, new TypeReference<List<String>>() {
                }), Status.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getLong("delivered_seq"),
                rs.getInt("failed_attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("last_attempt_at", OffsetDateTime.class), rs.getObject("last_success_at", OffsetDateTime.class),
                rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class), null);
        return new Row(view, rs.getString("secret"));
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
