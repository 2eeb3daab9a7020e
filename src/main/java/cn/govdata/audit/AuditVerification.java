package cn.govdata.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the whole chain: every entry's hash recomputed, every link to its predecessor, no gap in the ids,
 * every checkpoint's SM2 signature and that the entry it signed still has the signed hash, that no entry is
 * missing behind the last signed chain head (a log cut short), and that the chain head matches the last entry.
 * Signs the chain head first, so that what was verified can no longer be cut off unnoticed. Streams the entries
 * in id order, so memory stays constant however long the log is.
 */
@Service
public class AuditVerification {

    /**
     * @param intact whether nothing was found changed, removed or inserted
     * @param entries how many entries were checked
     * @param firstBroken the id of the first entry that fails (or where one is missing), else null
     * @param checkpoints how many signed checkpoints were checked
     * @param reason what was found, else null
     */
    public record Result(boolean intact, long entries, Long firstBroken, long checkpoints, String reason) {
    }

    /** The checkpoint that signed the furthest end of the chain. */
    private record SignedHead(long entryId, Instant signedAt) {
    }

    private final JdbcTemplate jdbc;
    private final AuditSigningKey key;
    private final GroupCommitAuditLog log;
    private final TransactionTemplate reading;

    AuditVerification(DataSource dataSource, AuditSigningKey key, GroupCommitAuditLog log,
            PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.key = key;
        this.log = log;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    static String checkpointMessage(long entryId, String entryHash, Instant signedAt) {
        return "govdata-audit-checkpoint\n" + entryId + "\n" + entryHash + "\n" + signedAt;
    }

    public Result verify() {
        log.checkpoint();
        // PostgreSQL streams with a cursor only inside a transaction
        return reading.execute(status -> check());
    }

    private Result check() {
        Map<Long, String> signedHashes = new HashMap<>();
        long[] checkpoints = { 0 };
        String[] badCheckpoint = { null };
        SignedHead[] lastSigned = { null };
        jdbc.query("select entry_id, entry_hash, signed_at, signature from audit_checkpoint order by id", rs -> {
            long entryId = rs.getLong(1);
            String hash = rs.getString(2);
            Instant signedAt = rs.getObject(3, OffsetDateTime.class).toInstant();
            checkpoints[0]++;
            if (!key.verify(checkpointMessage(entryId, hash, signedAt), rs.getString(4))) {
                if (badCheckpoint[0] == null) {
                    badCheckpoint[0] = "checkpoint at entry " + entryId + " has an invalid signature";
                }
                return; // a forged checkpoint proves nothing about the entries
            }
            signedHashes.put(entryId, hash);
            if (lastSigned[0] == null || entryId > lastSigned[0].entryId()) {
                lastSigned[0] = new SignedHead(entryId, signedAt);
            }
        });

        Walk walk = new Walk(signedHashes);
        jdbc.query("""
                select id, occurred_at, actor, actor_department_id, action, object_type, object_id, outcome,
                       client_address, purpose, grant_id, detail, prev_hash, hash
                from audit_entry order by id""", walk);

        if (walk.firstBroken == null && lastSigned[0] != null && lastSigned[0].entryId() > walk.lastId) {
            walk.fail(walk.lastId + 1, "the log was cut short: entries " + (walk.lastId + 1) + " to "
                    + lastSigned[0].entryId() + " are missing after entry " + walk.lastId
                    + ", but the chain head was signed at entry " + lastSigned[0].entryId() + " on "
                    + lastSigned[0].signedAt());
        }
        if (walk.firstBroken == null) {
            Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1");
            long headId = ((Number) head.get("last_id")).longValue();
            if (headId != walk.lastId || !walk.lastHash.equals(head.get("last_hash"))) {
                walk.fail(Math.min(headId, walk.lastId + 1),
                        "the chain head (entry " + headId + ") does not match the last entry (" + walk.lastId + ")");
            }
        }
        if (walk.firstBroken == null && badCheckpoint[0] != null) {
            return new Result(false, walk.count, null, checkpoints[0], badCheckpoint[0]);
        }
        return new Result(walk.firstBroken == null, walk.count, walk.firstBroken, checkpoints[0], walk.reason);
    }

    private static final class Walk implements RowCallbackHandler {
        private final Map<Long, String> signedHashes;
        long count;
        long lastId;
        String lastHash = AuditChain.GENESIS;
        Long firstBroken;
        String reason;

        Walk(Map<Long, String> signedHashes) {
            this.signedHashes = signedHashes;
        }

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            count++;
            if (firstBroken != null) {
                return; // keep counting, the first break is what matters
            }
            AuditEntry entry = new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"), rs.getObject("actor_department_id", Long.class), rs.getString("action"),
                    rs.getString("object_type"), rs.getString("object_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("client_address"), rs.getString("purpose"), rs.getString("grant_id"),
                    rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
            if (entry.id() != lastId + 1) {
                fail(lastId + 1, "entry " + (lastId + 1) + " is missing");
            } else if (!entry.prevHash().equals(lastHash)) {
                fail(entry.id(), "entry " + entry.id() + " does not link to its predecessor");
            } else if (!AuditChain.hash(entry).equals(entry.hash())) {
                fail(entry.id(), "entry " + entry.id() + " was changed after it was written");
            } else if (signedHashes.containsKey(entry.id()) && !signedHashes.get(entry.id()).equals(entry.hash())) {
                // changed and chained anew, or cut off and written again from here: either way no longer what was signed
                fail(entry.id(), "entry " + entry.id() + " differs from its signed checkpoint");
            }
            lastId = entry.id();
            lastHash = entry.hash();
        }

        void fail(long id, String why) {
            if (firstBroken == null) {
                firstBroken = id;
                reason = why;
            }
        }
    }
}
