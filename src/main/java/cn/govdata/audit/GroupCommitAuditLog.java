package cn.govdata.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.zaxxer.hikari.HikariDataSource;

import cn.govdata.shared.Actor;
import cn.govdata.shared.jdbc.BatchedInserts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Appends entries with group commit: callers hand their entry to a single writer thread and wait; the
 * writer takes whatever has queued up, and in one transaction locks the chain head, chains and inserts
 * the whole batch, moves the head and commits; only then are the callers released. So an entry is durable
 * before its response is sent, yet a hundred concurrent requests cost one commit, not a hundred.
 *
 * <p>The writer has its own small connection pool, so that requests holding connections from the main
 * pool can never starve it.
 */
@Component
class GroupCommitAuditLog implements AuditLog, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitAuditLog.class);
    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 30;

    private record Pending(AuditEntry entry, CompletableFuture<Long> done) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final HikariDataSource writerPool;
    private final AuditSigningKey key;
    private final int checkpointEvery;
    /** PostgreSQL: a batch's head move and inserts in one statement ({@link #appendedInOneStatement}). */
    private final boolean appendsInOneStatement;
    private final boolean trustForwardedFor;
    private final Counter batches;
    private final Counter entries;
    private volatile Thread writer;
    private volatile boolean running;
    private long lastCheckpointedId = -1;

    GroupCommitAuditLog(DataSourceProperties dataSource, AuditSigningKey key, MeterRegistry metrics,
            @Value("${govdata.audit.checkpoint-every:1000}") int checkpointEvery,
            @Value("${govdata.audit.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.writerPool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        this.writerPool.setMaximumPoolSize(2);
        BatchedInserts.apply(writerPool); // a batch's entries in multi-row inserts: twice the entries a second
        this.writerPool.setPoolName("audit-writer");
        this.appendsInOneStatement = writerPool.getJdbcUrl() != null
                && writerPool.getJdbcUrl().startsWith("jdbc:postgresql:");
        this.key = key;
        this.checkpointEvery = checkpointEvery;
        this.trustForwardedFor = trustForwardedFor;
        this.batches = Counter.builder("govdata.audit.batches").description("group-commit transactions")
                .register(metrics);
        this.entries = Counter.builder("govdata.audit.entries").description("audit entries appended")
                .register(metrics);
    }

    @Override
    public void record(AuditEvent event) {
        Actor actor = Actor.current().orElse(null);
        AuditActor who = actor == null ? new AuditActor("anonymous", null, clientAddress())
                : new AuditActor(actor.name(), actor.departmentId(), clientAddress());
        record(onBehalf(event), who);
    }

    /** The entry of a user acting for someone else (a service unit's staff for the authority) says so first. */
    private static AuditEvent onBehalf(AuditEvent event) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.getDetails() instanceof AuditActor.OnBehalf session
                && session.onBehalfOf() != null) {
            String detail = session.onBehalfOf() + (event.detail() == null ? "" : "：" + event.detail());
            return new AuditEvent(event.action(), event.objectType(), event.objectId(), event.outcome(), detail,
                    event.purpose(), event.grantId());
        }
        return event;
    }

    @Override
    public void record(AuditEvent event, AuditActor actor) {
        AuditEntry entry = new AuditEntry(0, AuditChain.truncate(Instant.now()), truncate(actor.name(), 100),
                actor.departmentId(), truncate(event.action(), 64), truncate(event.objectType(), 64),
                truncate(event.objectId(), 100), event.outcome(),
                truncate(actor.clientAddress() == null ? clientAddress() : actor.clientAddress(), 64),
                truncate(event.purpose(), 500), truncate(event.grantId(), 64), truncate(event.detail(), 2000), null,
                null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // written when the caller's transaction commits: the log shows what really happened
            TransactionEntries deferred = deferred();
            if (deferred.flushed) {
                append(entry);
            } else {
                deferred.entries.add(entry);
            }
        } else {
            append(entry);
        }
    }

    /** The entries a transaction recorded, written together when it commits. */
    private static final class TransactionEntries {
        final List<AuditEntry> entries = new ArrayList<>();
        boolean flushed;
    }

    private TransactionEntries deferred() {
        TransactionEntries bound = (TransactionEntries) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        TransactionEntries created = new TransactionEntries();
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                created.flushed = true;
                appendAll(created.entries);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(GroupCommitAuditLog.this);
            }
        });
        return created;
    }

    /** Appends and waits until the entry is committed. */
    long append(AuditEntry entry) {
        return appendAll(java.util.Collections.singletonList(entry));
    }

    /**
     * Queues the entries in order and waits until all are committed: one transaction's entries share the
     * writer's commits instead of each waiting for its own. Returns the id of the last.
     */
    long appendAll(List<AuditEntry> entries) {
        List<CompletableFuture<Long>> pending = new ArrayList<>(entries.size());
        try {
            for (AuditEntry entry : entries) {
                CompletableFuture<Long> done = new CompletableFuture<>();
                if (!running || !queue.offer(new Pending(entry, done), WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the audit log is not accepting entries");
                }
                pending.add(done);
            }
            long last = 0;
            for (CompletableFuture<Long> done : pending) {
                Long id = done.get(WAIT_SECONDS, TimeUnit.SECONDS);
                last = id == null ? last : id;
            }
            return last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the audit log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the audit entry could not be written", e);
        }
    }

    /**
     * Signs the chain head (a checkpoint at the current end of the chain), unless it is signed already, and
     * waits until the signature is committed. Every minute, on every verification and at shutdown, so that the
     * entries cut from the end of the log are found missing behind the signed head.
     */
    @Scheduled(fixedDelayString = "${govdata.audit.checkpoint-interval:PT1M}", initialDelayString = "PT1M")
    void checkpoint() {
        append(null);
    }

    double batchCount() {
        return batches.count();
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                log.error("Audit batch of {} entries failed; its callers are refused", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** The end of the chain as this writer last committed or read it; null when another node may have moved it. */
    private record Head(long lastId, String lastHash) {
    }

    private volatile Head head;

    private void write(List<Pending> batch) throws SQLException {
        if (appendsInOneStatement && head != null && appendedInOneStatement(batch)) {
            return;
        }
        try (Connection connection = writerPool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long lastId;
                String lastHash;
                try (PreparedStatement head = connection
                        .prepareStatement("select last_id, last_hash from audit_chain_head where id = 1 for update");
                        ResultSet rs = head.executeQuery()) {
                    rs.next();
                    lastId = rs.getLong(1);
                    lastHash = rs.getString(2);
                }
                List<Long> ids = new ArrayList<>(batch.size());
                boolean checkpointRequested = false;
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Pending pending : batch) {
                        if (pending.entry() == null) {
                            checkpointRequested = true;
                            ids.add(lastId);
                            continue;
                        }
                        AuditEntry chained = pending.entry().withChain(lastId + 1, lastHash);
                        bind(insert, chained);
                        insert.addBatch();
                        lastId = chained.id();
                        lastHash = chained.hash();
                        ids.add(lastId);
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement move = connection
                        .prepareStatement("update audit_chain_head set last_id = ?, last_hash = ? where id = 1")) {
                    move.setLong(1, lastId);
                    move.setString(2, lastHash);
                    move.executeUpdate();
                }
                long lastSigned = lastCheckpointed(connection);
                if (lastId > 0 && (checkpointRequested ? lastId != lastSigned : lastId - lastSigned >= checkpointEvery)) {
                    sign(connection, lastId, lastHash);
                }
                connection.commit();
                head = new Head(lastId, lastHash);
                batches.increment();
                entries.increment(batch.stream().filter(p -> p.entry() != null).count());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(ids.get(i));
                }
            } catch (SQLException | RuntimeException e) {
                head = null;
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * On PostgreSQL, a batch that signs no checkpoint is chained from the head this writer knows and written in one
     * statement, which commits by itself: it moves the head only if it is still where this writer left it, and inserts
     * the entries only if it moved. One round trip and one commit instead of four round trips. When another node has
     * appended since, nothing is written and the batch goes the long way, which reads the head under a lock.
     *
     * @return whether the batch was written
     */
    private boolean appendedInOneStatement(List<Pending> batch) throws SQLException {
        int size = batch.size();
        if (batch.stream().anyMatch(pending -> pending.entry() == null) || lastCheckpointedId < 0
                || head.lastId() + size - lastCheckpointedId >= checkpointEvery) {
            return false;  // a checkpoint is asked for or due: the long way signs it in the same transaction
        }
        long lastId = head.lastId();
        String lastHash = head.lastHash();
        String[][] columns = new String[14][size];
        for (int i = 0; i < size; i++) {
            AuditEntry chained = batch.get(i).entry().withChain(lastId + 1, lastHash);
            lastId = chained.id();
            lastHash = chained.hash();
            String[] values = { Long.toString(chained.id()), chained.occurredAt().toString(), chained.actor(),
                    chained.actorDepartmentId() == null ? null : chained.actorDepartmentId().toString(),
                    chained.action(), chained.objectType(), chained.objectId(), chained.outcome().name(),
                    chained.clientAddress(), chained.purpose(), chained.grantId(), chained.detail(), chained.prevHash(),
                    chained.hash() };
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        int written;
        try (Connection connection = writerPool.getConnection();
                PreparedStatement append = connection.prepareStatement(APPEND)) {
            append.setLong(1, lastId);
            append.setString(2, lastHash);
            append.setLong(3, head.lastId());
            append.setString(4, head.lastHash());
            for (int c = 0; c < columns.length; c++) {
                append.setArray(5 + c, connection.createArrayOf("text", columns[c]));
            }
            written = append.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            head = null;
            throw e;
        }
        if (written == 0) {
            head = null;  // another node appended: read the head again, under its lock
            return false;
        }
        head = new Head(lastId, lastHash);
        batches.increment();
        entries.increment(size);
        for (int i = 0; i < size; i++) {
            batch.get(i).done().complete(head.lastId() - size + 1 + i);
        }
        return true;
    }

    /** The head moved and the entries inserted in one statement, or neither (PostgreSQL). */
    private static final String APPEND = """
            with moved as (
                update audit_chain_head set last_id = ?, last_hash = ? where id = 1 and last_id = ? and last_hash = ?
                returning id)
            insert into audit_entry (id, occurred_at, actor, actor_department_id, action, object_type, object_id,
                outcome, client_address, purpose, grant_id, detail, prev_hash, hash)
            select e.id::bigint, e.occurred_at::timestamptz, e.actor, e.actor_department_id::bigint, e.action,
                e.object_type, e.object_id, e.outcome, e.client_address, e.purpose, e.grant_id, e.detail, e.prev_hash,
                e.hash
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as e(id, occurred_at, actor, actor_department_id, action, object_type, object_id, outcome,
                    client_address, purpose, grant_id, detail, prev_hash, hash)
            where exists (select from moved)""";

    private long lastCheckpointed(Connection connection) throws SQLException {
        if (lastCheckpointedId < 0) {
            try (PreparedStatement ps = connection.prepareStatement("select coalesce(max(entry_id), 0) from audit_checkpoint");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastCheckpointedId = rs.getLong(1);
            }
        }
        return lastCheckpointedId;
    }

    private void sign(Connection connection, long entryId, String entryHash) throws SQLException {
        OffsetDateTime signedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String signature = key.sign(AuditVerification.checkpointMessage(entryId, entryHash, signedAt.toInstant()));
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into audit_checkpoint (entry_id, entry_hash, signed_at, signature, key_fingerprint)
                values (?, ?, ?, ?, ?)""")) {
            ps.setLong(1, entryId);
            ps.setString(2, entryHash);
            ps.setObject(3, signedAt);
            ps.setString(4, signature);
            ps.setString(5, key.fingerprint());
            ps.executeUpdate();
        }
        lastCheckpointedId = entryId;
    }

    private static final String INSERT = """
            insert into audit_entry (id, occurred_at, actor, actor_department_id, action, object_type, object_id,
                outcome, client_address, purpose, grant_id, detail, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setLong(1, e.id());
        ps.setObject(2, e.occurredAt().atOffset(ZoneOffset.UTC));
        ps.setString(3, e.actor());
        if (e.actorDepartmentId() == null) {
            ps.setNull(4, Types.BIGINT);
        } else {
            ps.setLong(4, e.actorDepartmentId());
        }
        ps.setString(5, e.action());
        ps.setString(6, e.objectType());
        ps.setString(7, e.objectId());
        ps.setString(8, e.outcome().name());
        ps.setString(9, e.clientAddress());
        ps.setString(10, e.purpose());
        ps.setString(11, e.grantId());
        ps.setString(12, e.detail());
        ps.setString(13, e.prevHash());
        ps.setString(14, e.hash());
    }

    private String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return CallerAddress.of(attributes.getRequest().getRemoteAddr(),
                    attributes.getRequest().getHeader("X-Forwarded-For"), trustForwardedFor);
        }
        CallerAddress plane = CallerAddress.serving();
        return plane == null ? null : CallerAddress.of(plane.remoteAddress(), plane.forwardedFor(), trustForwardedFor);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("audit-writer").daemon(true).start(this::drain);
    }

    /**
     * Drains what is queued before the application stops, so no accepted entry is lost, and signs the chain head,
     * so that not even the entries of the last minute could be cut from the log unnoticed.
     */
    @Override
    public void stop() {
        running = false;
        try {
            if (writer != null) {
                writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            write(List.of(new Pending(null, new CompletableFuture<>())));
        } catch (SQLException | RuntimeException e) {
            log.warn("The audit chain head could not be signed at shutdown; its last entries are chained but not signed",
                    e);
        }
    }

    /** The pool outlives stop/start (a stopped context may be started again), not the bean. */
    @Override
    public void destroy() {
        writerPool.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase), so in-flight requests can still audit. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    DataSource writerPool() {
        return writerPool;
    }
}
