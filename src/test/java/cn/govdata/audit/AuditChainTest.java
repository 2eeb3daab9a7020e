package cn.govdata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {

    private final AuditEntry entry = new AuditEntry(7, Instant.parse("2026-11-24T01:02:03.123456789Z"), "admin", 3L,
            "department.create", "department", "42", AuditOutcome.SUCCESS, "127.0.0.1", null, null, "市民政局",
            AuditChain.GENESIS, null);

    @Test
    void sm3MatchesTheStandardTestVector() {
        // GB/T 32905-2016, example 1
        assertThat(AuditChain.sm3("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void anEntrysHashCoversEveryFieldAndItsPredecessor() {
        String hash = AuditChain.hash(entry);
        assertThat(AuditChain.hash(entry)).isEqualTo(hash);
        assertThat(AuditChain.hash(with("detail", "市民政局 "))).isNotEqualTo(hash);
        assertThat(AuditChain.hash(new AuditEntry(8, entry.occurredAt(), entry.actor(), 3L, entry.action(),
                entry.objectType(), entry.objectId(), entry.outcome(), entry.clientAddress(), null, null,
                entry.detail(), AuditChain.GENESIS, null))).isNotEqualTo(hash);
        assertThat(AuditChain.hash(new AuditEntry(7, entry.occurredAt(), entry.actor(), 3L, entry.action(),
                entry.objectType(), entry.objectId(), entry.outcome(), entry.clientAddress(), null, null,
                entry.detail(), "1".repeat(64), null))).isNotEqualTo(hash);
    }

    @Test
    void nullAndEmptyAndShiftedValuesHashDifferently() {
        assertThat(AuditChain.hash(with("detail", ""))).isNotEqualTo(AuditChain.hash(with("detail", null)));
        // moving text from one field to the next must not give the same canonical form
        AuditEntry a = new AuditEntry(1, entry.occurredAt(), "ab", null, "c", null, null, AuditOutcome.SUCCESS, null,
                null, null, null, AuditChain.GENESIS, null);
        AuditEntry b = new AuditEntry(1, entry.occurredAt(), "a", null, "bc", null, null, AuditOutcome.SUCCESS, null,
                null, null, null, AuditChain.GENESIS, null);
        assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(b));
    }

    @Test
    void timesAreHashedAtTheMicrosecondsTheDatabaseKeeps() {
        AuditEntry truncated = new AuditEntry(7, Instant.parse("2026-11-24T01:02:03.123456Z"), "admin", 3L,
                "department.create", "department", "42", AuditOutcome.SUCCESS, "127.0.0.1", null, null, "市民政局",
                AuditChain.GENESIS, null);
        assertThat(AuditChain.hash(truncated)).isEqualTo(AuditChain.hash(entry));
    }

    @Test
    void theSigningKeyIsCreatedOnceAndReloaded(@TempDir Path dir) {
        AuditSigningKey first = new AuditSigningKey(dir.resolve("keys/audit-sm2.pem"));
        String signature = first.sign("checkpoint");
        AuditSigningKey again = new AuditSigningKey(dir.resolve("keys/audit-sm2.pem"));
        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(again.verify("checkpoint", signature)).isTrue();
        assertThat(again.verify("checkpoint!", signature)).isFalse();
        assertThat(new AuditSigningKey(dir.resolve("other.pem")).verify("checkpoint", signature)).isFalse();
    }

    private AuditEntry with(String field, String value) {
        return new AuditEntry(entry.id(), entry.occurredAt(), entry.actor(), entry.actorDepartmentId(), entry.action(),
                entry.objectType(), entry.objectId(), entry.outcome(), entry.clientAddress(), entry.purpose(),
                entry.grantId(), value, entry.prevHash(), null);
    }
}
