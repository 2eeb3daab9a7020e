package cn.govdata.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Audit entries per second through {@link AuditLog#record} (SM3 chain, group commit, durable before
 * return), against the raw database doing the same inserts: one commit per entry from the same number of
 * writers, and one writer committing batches of 500. Not a test; run by bench/audit-throughput.sh.
 *
 * <p>Arguments: JDBC URL, user, password, seconds per run, concurrency levels (comma-separated).
 */
public final class AuditThroughput {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[3]);
        List<Integer> levels = java.util.Arrays.stream(args[4].split(",")).map(Integer::parseInt).toList();
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername(args[1]);
        properties.setPassword(args[2]);
        try (HikariDataSource db = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build()) {
            db.setMaximumPoolSize(Math.max(2, levels.stream().mapToInt(Integer::intValue).max().orElse(1)));
            Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table if not exists bench_raw_audit as select * from audit_entry where 1 = 0");
            }
            Path keys = Files.createTempDirectory("bench-keys");
            GroupCommitAuditLog log = new GroupCommitAuditLog(properties, new AuditSigningKey(keys.resolve("k.pem")),
                    new SimpleMeterRegistry(), 1000, false);
            log.start();
            System.out.printf("%-34s %12s %14s %12s%n", "run", "writers", "entries/s", "commits");
            for (int writers : levels) {
                double before = log.batchCount();
                long[] count = run(writers, seconds, () -> log.record(
                        AuditEvent.success("bench.record", "bench", "1", "基准测试 entry"), new AuditActor("bench", 1L, "127.0.0.1")));
                System.out.printf("%-34s %12d %14.0f %12.0f%n", "govdata AuditLog.record", writers,
                        count[0] / (count[1] / 1e9), log.batchCount() - before);
                long[] raw = run(writers, seconds, () -> rawInsert(db));
                System.out.printf("%-34s %12d %14.0f %12d%n", "raw insert, commit per entry", writers,
                        raw[0] / (raw[1] / 1e9), raw[0]);
            }
            long[] batched = run(1, seconds, () -> rawBatch(db, 500));
            System.out.printf("%-34s %12d %14.0f %12d%n", "raw insert, 500 per commit", 1,
                    batched[0] * 500 / (batched[1] / 1e9), batched[0]);
            log.stop();
            log.destroy();
        }
    }

    private static long[] run(int writers, int seconds, ThrowingRunnable work) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < writers; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    work.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new long[] { done.get(), System.nanoTime() - start };
    }

    private static final AtomicLong RAW_IDS = new AtomicLong();

    private static void rawInsert(HikariDataSource db) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps);
            ps.executeUpdate();
        }
    }

    private static void rawBatch(HikariDataSource db, int size) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (int i = 0; i < size; i++) {
                bind(ps);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private static final String INSERT = """
            insert into bench_raw_audit (id, occurred_at, actor, actor_department_id, action, object_type, object_id,
                outcome, client_address, purpose, grant_id, detail, prev_hash, hash)
            values (?, ?, 'bench', 1, 'bench.record', 'bench', '1', 'SUCCESS', '127.0.0.1', null, null, '基准测试 entry', ?, ?)""";

    private static void bind(PreparedStatement ps) throws Exception {
        ps.setLong(1, RAW_IDS.incrementAndGet());
        ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
        ps.setString(3, AuditChain.GENESIS);
        ps.setString(4, AuditChain.GENESIS);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
