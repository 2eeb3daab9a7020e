package cn.govdata.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash chain. An entry's hash is {@code hex(SM3(prevHash ‖ canonical(entry)))} where {@code prevHash}
 * is the previous entry's hash as 64 lower-case hex characters (64 zeros before the first entry) and the
 * canonical form is, for each field in this order — id, occurredAt, actor, actorDepartmentId, action,
 * objectType, objectId, outcome, clientAddress, purpose, grantId, detail — either {@code -;} for null or
 * {@code <length in UTF-8 bytes>:<UTF-8 value>;}. Times are ISO-8601 UTC truncated to microseconds (what
 * both H2 and PostgreSQL store). Length prefixes make the form unambiguous whatever the values contain.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(AuditEntry entry) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(entry.id()));
        field(canonical, truncate(entry.occurredAt()).toString());
        field(canonical, entry.actor());
        field(canonical, entry.actorDepartmentId() == null ? null : entry.actorDepartmentId().toString());
        field(canonical, entry.action());
        field(canonical, entry.objectType());
        field(canonical, entry.objectId());
        field(canonical, entry.outcome().name());
        field(canonical, entry.clientAddress());
        field(canonical, entry.purpose());
        field(canonical, entry.grantId());
        field(canonical, entry.detail());
        return sm3(entry.prevHash() + canonical);
    }

    static String sm3(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(';');
        }
    }
}
