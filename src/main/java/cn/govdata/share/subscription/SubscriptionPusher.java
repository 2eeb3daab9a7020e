package cn.govdata.share.subscription;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.lake.DatasetChanged;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.LakeRecords.Source;
import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.GrantRevoked;
import cn.govdata.share.ShareGrants;
import cn.govdata.share.SharedChange;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.subscription.Subscriptions.Subscription;
import cn.govdata.share.subscription.Subscriptions.SubscriptionDue;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Pushes the changes of granted datasets to their subscribers (主动推送, SHR-5). A delivery run for one
 * subscription: authorise its grant anew (a refusal suspends the subscription), read what changed since its
 * cursor within the grant (row filter, items, masking — {@link AuthorizedUse}, as for an exchange), count it
 * against the daily quota, POST it in signed pages — connecting only to addresses the {@link EndpointAddressPolicy}
 * allows at that moment — and advance the cursor only when every page was answered 2xx. A failed run is tried again
 * after an exponentially growing wait; after the last attempt its range goes to the dead letters and the subscription
 * goes on with later changes. Every request is a use of data, audited with the grant, its purpose and approver.
 *
 * <p>Runs are started after a {@link DatasetChanged} commits, after a subscriber's action, and by a periodic
 * sweep, so that nothing is lost across restarts: the cursor is in the database. A node leases a subscription
 * while it delivers to it, so nodes never deliver to one subscription at once.
 */
@Component
class SubscriptionPusher implements DisposableBean {

    static final String HEADER_SUBSCRIPTION = "X-Govdata-Subscription";
    static final String HEADER_DELIVERY = "X-Govdata-Delivery";
    static final String HEADER_TIMESTAMP = "X-Govdata-Timestamp";
    static final String HEADER_SIGNATURE = "X-Govdata-Signature";
    static final String OWNER_INACTIVE = "OWNER_INACTIVE";

    /** The body of one delivery request. {@code fromCursor} 0 is a full delivery of every admitted record. */
    record DeliveryPage(long subscriptionId, String deliveryId, long entryId, String resourceCode, long grantId,
            long fromCursor, long toCursor, int page, int pages, List<String> items, List<SharedChange> changes) {
    }

    /** How one request went: a 2xx, another status, or no answer at all. */
    private record Attempt(Integer status, String error) {

        boolean succeeded() {
            return status != null && status / 100 == 2;
        }

        String describe() {
            return error != null ? error : "HTTP " + status;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SubscriptionPusher.class);

    private final Subscriptions subscriptions;
    private final ShareGrants grants;
    private final LakeRecords lake;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final SubscriptionSettings settings;
    private final CloseableHttpClient http;
    private final ThreadPoolExecutor executor;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    SubscriptionPusher(Subscriptions subscriptions, ShareGrants grants, LakeRecords lake, JdbcClient jdbc,
            AuditLog audit, JsonMapper json, SubscriptionSettings settings, EndpointAddressPolicy addresses) {
        this.subscriptions = subscriptions;
        this.grants = grants;
        this.lake = lake;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.settings = settings;
        this.http = httpClient(settings, addresses);
        AtomicInteger threads = new AtomicInteger();
        // a run that finds the queue full is dropped: the sweep starts it again
        this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(10_000), runnable -> {
                    Thread thread = new Thread(runnable, "subscription-delivery-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    // --- what starts a run ----------------------------------------------------------------------------------

    /**
     * The lake's records of an entry changed: its active subscriptions are delivered to. An event between modules,
     * delivered through the publication registry (again after a crash); scheduling a delivery twice is harmless.
     */
    @ApplicationModuleListener
    void datasetChanged(DatasetChanged event) {
        jdbc.sql("select id from share_subscription where entry_id = ? and status = 'ACTIVE'").param(event.entryId())
                .query(Long.class).list().forEach(this::schedule);
    }

    /** A revoked grant: its subscriptions are authorised again at once, and suspended unless another grant covers them. */
    @TransactionalEventListener
    void grantRevoked(GrantRevoked event) {
        jdbc.sql("select id from share_subscription where grant_id = ? and status = 'ACTIVE'").param(event.grantId())
                .query(Long.class).list().forEach(this::schedule);
    }

    @TransactionalEventListener
    void due(SubscriptionDue event) {
        schedule(event.subscriptionId());
    }

    @SchedulerLock(name = "share.subscriptions.sweep", lockAtMostFor = "PT1M")
    @Scheduled(initialDelayString = "${govdata.share.subscription.sweep-interval:PT1M}",
            fixedDelayString = "${govdata.share.subscription.sweep-interval:PT1M}")
    void sweep() {
        OffsetDateTime now = ShareClock.now();
        jdbc.sql("""
                select id from share_subscription where status = 'ACTIVE'
                and (next_attempt_at is null or next_attempt_at <= ?) and (lease_until is null or lease_until < ?)""")
                .params(now, now).query(Long.class).list().forEach(this::schedule);
    }

    private void schedule(long subscriptionId) {
        if (!queued.add(subscriptionId)) {
            return;
        }
        try {
            executor.execute(() -> {
                queued.remove(subscriptionId);
                try {
                    deliver(subscriptionId);
                } catch (RuntimeException e) {
                    log.warn("delivery to subscription {} failed; the sweep tries again", subscriptionId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(subscriptionId);
        }
    }

    @Override
    public void destroy() throws IOException {
        executor.shutdownNow();
        http.close();
    }

    /**
     * The client of the deliveries. Its DNS resolver is the address policy, so a delivery connects only to an
     * address checked at that moment — a name that resolved to a public address at registration and to an
     * internal one now (DNS rebinding) is refused, not followed — while TLS (SNI, certificate check) and the
     * Host header still use the endpoint's host name. java.net.http could not do this: it resolves on its own,
     * and connecting to the checked IP instead would lose the Host header, which it does not let a caller set.
     * No redirects, no retries of its own (the pusher retries, recorded), no proxy; the JVM's default trust and
     * key stores, as before.
     */
    private static CloseableHttpClient httpClient(SubscriptionSettings settings, EndpointAddressPolicy addresses) {
        DnsResolver checked = new DnsResolver() {

            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return addresses.resolve(host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // used only for Kerberos/SPNEGO, which deliveries never do
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(SSLContexts.createSystemDefault()).buildClassic())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout())).build())
                        .build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().build();
    }

    // --- one run --------------------------------------------------------------------------------------------

    /** One delivery run for a subscription, if no other node or thread holds it and no retry is still waiting. */
    void deliver(long subscriptionId) {
        OffsetDateTime now = ShareClock.now();
        int claimed = jdbc.sql("""
                update share_subscription set lease_until = ? where id = ? and status = 'ACTIVE'
                and (lease_until is null or lease_until < ?) and (next_attempt_at is null or next_attempt_at <= ?)""")
                .params(now.plus(settings.lease()), subscriptionId, now, now).update();
        if (claimed == 0) {
            return;
        }
        try {
            subscriptions.row(subscriptionId).ifPresent(row -> run(row.view(), subscriptions.signingSecret(row)));
        } finally {
            jdbc.sql("update share_subscription set lease_until = null where id = ?").param(subscriptionId).update();
        }
    }

    private void run(Subscription subscription, String secret) {
        Actor owner = subscriptions.owner(subscription).orElse(null);
        if (owner == null) {
            suspend(subscription, OWNER_INACTIVE, subscription.ownerKind() + " " + subscription.ownerName()
                    + " is no longer active");
            return;
        }
        AuthorizedUse use;
        try {
            use = grants.authorize(owner, subscription.entryId(), WayOfUse.SUBSCRIPTION, Set.copyOf(subscription.items()));
        } catch (DomainException refused) {
            suspend(subscription, refused.code().name(), "the grant no longer allows it");
            return;
        }
        if (subscription.grantId() == null || subscription.grantId() != use.grantId()) {
            jdbc.sql("update share_subscription set grant_id = ? where id = ?").params(use.grantId(), subscription.id())
                    .update();
        }
        Source source = lake.ofEntry(subscription.entryId()).orElse(null);
        if (source == null || source.sequence() <= subscription.deliveredCursor()) {
            return;
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("govdata-subscription-", ".jsonl");
            deliver(subscription, secret, owner, use, source, spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    log.warn("could not delete {}", spool, e);
                }
            }
        }
    }

    /**
     * Reads the changes into a spool file (so that no database snapshot stays open while the endpoint is called),
     * counts them against the quota, then sends them page by page.
     */
    private void deliver(Subscription subscription, String secret, Actor owner, AuthorizedUse use, Source source,
            Path spool) throws IOException {
        List<String> items = subscription.items().isEmpty() ? use.items() : subscription.items();
        long from = subscription.deliveredCursor();
        long[] spooled = { 0 };
        LakeRecords.ExportResult result;
        try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            result = lake.export(source, items, use.conditions(), from, (changes, cursor) -> {
            }, change -> use.delivered(change, source.keyItems(), items).ifPresent(shared -> {
                try {
                    out.write(json.writeValueAsString(shared));
                    out.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spooled[0]++;
            }));
        }
        if (spooled[0] == 0) {
            succeeded(subscription, result.cursor(), use);
            return;
        }
        try {
            grants.consume(use.grantId(), spooled[0]);
        } catch (DomainException refused) {
            if (refused.code() == ProblemCode.QUOTA_EXHAUSTED) {
                // not the endpoint's fault: wait, without using up an attempt
                waitForQuota(subscription);
            } else {
                suspend(subscription, refused.code().name(), "the grant no longer allows it");
            }
            return;
        }
        int pages = (int) ((spooled[0] + settings.pageSize() - 1) / settings.pageSize());
        try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            for (int page = 1; page <= pages; page++) {
                List<SharedChange> changes = new ArrayList<>(settings.pageSize());
                String line;
                while (changes.size() < settings.pageSize() && (line = in.readLine()) != null) {
                    changes.add(json.readValue(line, SharedChange.class));
                }
                DeliveryPage body = new DeliveryPage(subscription.id(), UUID.randomUUID().toString(),
                        subscription.entryId(), use.resourceCode(), use.grantId(), from, result.cursor(), page, pages,
                        items, changes);
                Attempt attempt = post(URI.create(subscription.endpoint()), secret, body);
                recordDelivery(subscription, owner, use, body, attempt);
                if (!attempt.succeeded()) {
                    failed(subscription, from, result.cursor(), spooled[0], attempt.describe());
                    return;
                }
            }
        }
        succeeded(subscription, result.cursor(), use);
    }

    private Attempt post(URI endpoint, String secret, DeliveryPage page) {
        byte[] body = json.writeValueAsBytes(page);
        long timestamp = ShareClock.now().toEpochSecond();
        HttpPost request = new HttpPost(endpoint);
        request.setHeader(HEADER_SUBSCRIPTION, Long.toString(page.subscriptionId()));
        request.setHeader(HEADER_DELIVERY, page.deliveryId());
        request.setHeader(HEADER_TIMESTAMP, Long.toString(timestamp));
        request.setHeader(HEADER_SIGNATURE, SubscriptionSignature.sign(secret, timestamp, page.deliveryId(), body));
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try {
            // the answer's body is read and dropped (the connection can serve the next page)
            return http.execute(request, response -> new Attempt(response.getCode(), null));
        } catch (EndpointAddressPolicy.ForbiddenAddressException e) {
            return new Attempt(null, e.refused().describe());
        } catch (ConnectTimeoutException e) {
            return new Attempt(null, "connect timeout after " + settings.connectTimeout().toMillis() + " ms");
        } catch (SocketTimeoutException e) {
            return new Attempt(null, "no answer within " + settings.readTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return new Attempt(null, "unreachable: " + e.getClass().getSimpleName());
        } catch (UnknownHostException e) {
            return new Attempt(null, "unknown host: " + endpoint.getHost());
        } catch (IOException e) {
            return new Attempt(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    // --- outcomes -------------------------------------------------------------------------------------------

    /** The delivery request recorded, and audited as a use of data (SEC-2) whether or not it was accepted. */
    private void recordDelivery(Subscription subscription, Actor owner, AuthorizedUse use, DeliveryPage page,
            Attempt attempt) {
        jdbc.sql("""
                insert into share_subscription_delivery (id, subscription_id, grant_id, attempted_at, from_seq, to_seq,
                    page, pages, records, http_status, error, succeeded)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(page.deliveryId(), subscription.id(), use.grantId(), ShareClock.now(), page.fromCursor(),
                        page.toCursor(), page.page(), page.pages(), page.changes().size(), attempt.status(),
                        truncate(attempt.error()), attempt.succeeded())
                .update();
        audit.record(new AuditEvent(ShareAuditAction.DATA_SUBSCRIPTION, "catalog-entry", Long.toString(use.entryId()),
                attempt.succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                use.resourceCode() + " of department " + use.providerDepartmentId() + " for department "
                        + owner.departmentId() + " via subscription " + subscription.id() + " to "
                        + URI.create(subscription.endpoint()).getHost() + ": delivery " + page.deliveryId() + ", page "
                        + page.page() + " of " + page.pages() + ", " + page.changes().size() + " records, items "
                        + page.items() + (page.fromCursor() == 0 ? ", full" : ", changed since " + page.fromCursor())
                        + ", cursor " + page.toCursor() + ", " + attempt.describe() + "; approved by "
                        + (use.approvedBy() == null ? "the catalog (unconditional)" : use.approvedBy()),
                use.purpose(), Long.toString(use.grantId())),
                new AuditActor(owner.name(), owner.departmentId(), null));
    }

    private void succeeded(Subscription subscription, long cursor, AuthorizedUse use) {
        OffsetDateTime now = ShareClock.now();
        jdbc.sql("""
                update share_subscription set delivered_seq = ?, grant_id = ?, failed_attempts = 0,
                    next_attempt_at = null, last_error = null, last_attempt_at = ?, last_success_at = ?, updated_at = ?
                where id = ?""")
                .params(cursor, use.grantId(), now, now, now, subscription.id()).update();
    }

    /**
     * A failed run: tried again after the backoff, or, after the last attempt, its range goes to the dead letters
     * and the subscription goes on from the end of that range.
     */
    private void failed(Subscription subscription, long from, long to, long changes, String error) {
        OffsetDateTime now = ShareClock.now();
        int attempts = subscription.failedAttempts() + 1;
        if (attempts < settings.maxAttempts()) {
            jdbc.sql("""
                    update share_subscription set failed_attempts = ?, next_attempt_at = ?, last_error = ?,
                        last_attempt_at = ?, updated_at = ? where id = ?""")
                    .params(attempts, now.plus(settings.backoffAfter(attempts)), truncate(error), now, now,
                            subscription.id())
                    .update();
            return;
        }
        jdbc.sql("""
                insert into share_subscription_dead_letter (subscription_id, from_seq, to_seq, changes, attempts,
                    last_error, created_at, status) values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(subscription.id(), from, to, changes, attempts, truncate(error), now).update();
        jdbc.sql("""
                update share_subscription set delivered_seq = ?, failed_attempts = 0, next_attempt_at = null,
                    last_error = ?, last_attempt_at = ?, updated_at = ? where id = ?""")
                .params(to, truncate(error), now, now, subscription.id()).update();
        audit.record(AuditEvent.failure(ShareAuditAction.SUBSCRIPTION_DEAD_LETTER, "share-subscription", subscription.id(),
                changes + " changes from cursor " + from + " to " + to + " given up after " + attempts + " attempts: "
                        + error), AuditActor.PLATFORM);
    }

    private void waitForQuota(Subscription subscription) {
        OffsetDateTime now = ShareClock.now();
        jdbc.sql("""
                update share_subscription set next_attempt_at = ?, last_error = ?, last_attempt_at = ?, updated_at = ?
                where id = ?""")
                .params(now.plus(settings.maxBackoff()), ProblemCode.QUOTA_EXHAUSTED.name(), now, now, subscription.id())
                .update();
        audit.record(AuditEvent.failure(ShareAuditAction.SUBSCRIPTION_WAIT, "share-subscription", subscription.id(),
                "daily quota of the grant exhausted; next attempt in " + settings.maxBackoff()), AuditActor.PLATFORM);
    }

    private void suspend(Subscription subscription, String reason, String detail) {
        int changed = jdbc.sql("""
                update share_subscription set status = 'SUSPENDED', status_reason = ?, updated_at = ?
                where id = ? and status = 'ACTIVE'""")
                .params(reason, ShareClock.now(), subscription.id()).update();
        if (changed > 0) {
            audit.record(AuditEvent.failure(ShareAuditAction.SUBSCRIPTION_SUSPEND, "share-subscription", subscription.id(),
                    reason + ": " + detail), AuditActor.PLATFORM);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
