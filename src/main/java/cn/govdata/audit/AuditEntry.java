package cn.govdata.audit;

import java.time.Instant;

/** One stored entry of the chain. */
record AuditEntry(long id, Instant occurredAt, String actor, Long actorDepartmentId, String action,
        String objectType, String objectId, AuditOutcome outcome, String clientAddress, String purpose,
        String grantId, String detail, String prevHash, String hash) {

    AuditEntry withChain(long newId, String newPrevHash) {
        AuditEntry unchained = new AuditEntry(newId, occurredAt, actor, actorDepartmentId, action, objectType,
                objectId, outcome, clientAddress, purpose, grantId, detail, newPrevHash, null);
        return new AuditEntry(newId, occurredAt, actor, actorDepartmentId, action, objectType, objectId, outcome,
                clientAddress, purpose, grantId, detail, newPrevHash, AuditChain.hash(unchained));
    }
}
