package cn.govdata.audit;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may use the audit log. Reading and verifying it is the duty of the data authority's audit administrator
 * (三员分立: not the system or security administrator, whose actions it records); the public key that checks its
 * signatures is for anyone signed in.
 */
final class AuditAccess {

    private AuditAccess() {
    }

    /** Searching the log and exporting it. */
    static boolean readsTheLog(Actor actor) {
        return auditAdministrator(actor);
    }

    /** Verifying the chain and its signatures. */
    static boolean verifiesTheLog(Actor actor) {
        return auditAdministrator(actor);
    }

    static void requireReadsTheLog(Actor actor) {
        if (!readsTheLog(actor)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    static void requireVerifiesTheLog(Actor actor) {
        if (!verifiesTheLog(actor)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private static boolean auditAdministrator(Actor actor) {
        return actor.authority() && actor.has(Role.AUDIT_ADMIN);
    }
}
