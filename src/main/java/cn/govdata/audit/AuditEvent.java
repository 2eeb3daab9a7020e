package cn.govdata.audit;

import java.util.Objects;

/**
 * What happened, without who did it.
 *
 * @param action a stable dotted name, e.g. {@code department.create}, {@code auth.login}
 * @param objectType the kind of object acted on, e.g. {@code department}
 * @param objectId its id, or null
 * @param outcome success or failure
 * @param detail short human-readable detail (never secrets)
 * @param purpose for data access: the purpose of use from the grant, else null
 * @param grantId for data access: the grant it happened under, else null
 */
public record AuditEvent(String action, String objectType, String objectId, AuditOutcome outcome, String detail,
        String purpose, String grantId) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public AuditEvent(AuditAction action, String objectType, String objectId, AuditOutcome outcome, String detail,
            String purpose, String grantId) {
        this(action.code(), objectType, objectId, outcome, detail, purpose, grantId);
    }

    public static AuditEvent success(AuditAction action, String objectType, Object objectId, String detail) {
        return success(action.code(), objectType, objectId, detail);
    }

    public static AuditEvent failure(AuditAction action, String objectType, Object objectId, String detail) {
        return failure(action.code(), objectType, objectId, detail);
    }

    public static AuditEvent success(String action, String objectType, Object objectId, String detail) {
        return new AuditEvent(action, objectType, objectId == null ? null : objectId.toString(), AuditOutcome.SUCCESS,
                detail, null, null);
    }

    public static AuditEvent failure(String action, String objectType, Object objectId, String detail) {
        return new AuditEvent(action, objectType, objectId == null ? null : objectId.toString(), AuditOutcome.FAILURE,
                detail, null, null);
    }
}
