package cn.govdata.security;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * What this module itself lets whom do, one method per permission. Everything else under {@code /api} needs only
 * a live token here; each module decides who may do what with its objects. Public for the module's rooms
 * (incidents, assessments).
 */
public final class SecurityAccess {

    private SecurityAccess() {
    }

    /** Reads and changes one's own account (password, second factor): console users; a system has no account. */
    static boolean mayManageOwnAccount(Actor actor) {
        return actor.kind() == Actor.Kind.USER;
    }

    /**
     * Reads the operational metrics ({@code /actuator/prometheus}): a monitoring system or user, and the data
     * authority's system administrator, who runs the platform. Not other users or business systems: the metrics
     * tell how the platform is used (who calls which interface how often).
     */
    static boolean mayReadMetrics(Actor actor) {
        return actor.has(Role.MONITORING) || (actor.authority() && actor.has(Role.SYSTEM_ADMIN));
    }

    /**
     * The data authority's security administrator (安全管理员) runs the security chapter: registers and follows
     * incidents (SEC-5), opens and reviews the departments' risk self-assessments (SEC-6).
     */
    public static void requireSecurityAdministrator(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.authority() || !actor.has(Role.SECURITY_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Whether the actor is the security administrator of the data authority of a region. */
    public static boolean securityAdministratorOf(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.has(Role.SECURITY_ADMIN);
    }

    /**
     * A department answers its own self-assessment: its department administrator (who answers for the department's
     * data security), never another department's.
     */
    public static void requireAnswersAssessment(Actor actor, long departmentId) {
        if (actor.kind() != Actor.Kind.USER || actor.departmentId() != departmentId
                || !actor.has(Role.DEPARTMENT_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** A department's assessments and incident notices are seen by its own users and the authority's administrator. */
    public static boolean seesDepartment(Actor actor, long departmentId, long regionId) {
        return actor.departmentId() == departmentId || securityAdministratorOf(actor, regionId);
    }
}
