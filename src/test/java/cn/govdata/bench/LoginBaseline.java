package cn.govdata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The raw work behind one login, without the platform: look the account up, verify the Argon2 hash,
 * reset the failure counter, insert the token and one audit row, each login its own transaction, from
 * the same number of concurrent clients as the HTTP benchmark. This is the floor the HTTP figure is
 * compared with (bench/login-throughput.sh). Not a test: run by the script.
 *
 * <p>Arguments: JDBC URL, user, password, concurrency, seconds.
 */
public final class LoginBaseline {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();


    public static void main(String[] args) throws Exception {
        String url = args[0];
        int concurrency = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(concurrency);
        try (HikariDataSource db = new HikariDataSource(config)) {
            Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
            Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
            String hash = "{argon2}" + argon2.encode("Bench-Pass-2026");
            String login = "bench" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = db.getConnection()) {
                long region = insertReturningId(c, "insert into region (division_code, name, level, created_at) "
                        + "values ('" + (100000 + (int) (Math.random() * 800000)) + "', 'bench', 'CITY', current_timestamp)");
                long dept = insertReturningId(c, "insert into department (region_id, name, credit_code, type, created_at, updated_at) "
                        + "values (" + region + ", 'bench', '" + UUID.randomUUID().toString().substring(0, 18).toUpperCase()
                        + "', 'ADMINISTRATIVE_ORGAN', current_timestamp, current_timestamp)");
                try (PreparedStatement ps = c.prepareStatement("insert into user_account (username, display_name, department_id, "
                        + "password_hash, password_changed_at, must_change_password, created_at) values (?, 'b', ?, ?, current_timestamp, false, current_timestamp)")) {
                    ps.setString(1, login);
                    ps.setLong(2, dept);
                    ps.setString(3, hash);
                    ps.executeUpdate();
                }
            }
            String stored = hash.substring("{argon2}".length());
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try (Connection c = db.getConnection()) {
                            c.setAutoCommit(false);
                            long id;
                            String passwordHash;
                            try (PreparedStatement ps = c.prepareStatement(
                                    "select id, password_hash from user_account where lower(username) = lower(?)")) {
                                ps.setString(1, login);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    id = rs.getLong(1);
                                    passwordHash = rs.getString(2);
                                }
                            }
                            if (!passwordHash.endsWith(stored) || !argon2.matches("Bench-Pass-2026", stored)) {
                                throw new IllegalStateException("hash mismatch");
                            }
                            try (PreparedStatement ps = c.prepareStatement(
                                    "update user_account set failed_logins = 0, locked_until = null where id = ?")) {
                                ps.setLong(1, id);
                                ps.executeUpdate();
                            }
                            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                            try (PreparedStatement ps = c.prepareStatement("insert into access_token (token_hash, subject_kind, "
                                    + "subject_id, issued_at, expires_at, last_seen_at) values (?, 'USER', ?, ?, ?, ?)")) {
                                // the token's own work: random bytes, stored as their SHA-256 hash (64 hex digits)
                                byte[] token = new byte[32];
                                RANDOM.nextBytes(token);
                                ps.setString(1, java.util.HexFormat.of().formatHex(
                                        java.security.MessageDigest.getInstance("SHA-256").digest(token)));
                                ps.setLong(2, id);
                                ps.setObject(3, now);
                                ps.setObject(4, now.plusHours(12));
                                ps.setObject(5, now);
                                ps.executeUpdate();
                            }
                            c.commit();
                            done.incrementAndGet();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double elapsed = (System.nanoTime() - start) / 1e9;
            String line = String.format("raw-login-work concurrency=%d ops=%d seconds=%.1f ops_per_second=%.1f%n",
                    concurrency, done.get(), elapsed, done.get() / elapsed);
            System.out.print(line);
            if (args.length > 5) {
                Files.writeString(Path.of(args[5]), line);
            }
        }
    }

    private static long insertReturningId(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
