package cn.govdata.org;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may see and change which organisation objects. The data authority's system administrator manages
 * the whole directory; a department administrator manages only its own department; everyone else sees
 * the directory of regions and departments (needed to find data to share) but no other department's
 * people or systems.
 */
final class OrgAccess {

    private OrgAccess() {
    }

    static boolean isAuthority(Actor actor, Role role) {
        return actor.authority() && actor.has(role);
    }

    static void requireSystemAdmin(Actor actor) {
        if (!isAuthority(actor, Role.SYSTEM_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Department administrators act inside their own department only. */
    static boolean administers(Actor actor, long departmentId) {
        return isAuthority(actor, Role.SYSTEM_ADMIN)
                || (actor.has(Role.DEPARTMENT_ADMIN) && actor.departmentId() == departmentId);
    }

    static void requireAdministers(Actor actor, long departmentId) {
        if (!administers(actor, departmentId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** May see the people, roster and systems of a department. */
    static boolean seesInside(Actor actor, long departmentId) {
        return actor.departmentId() == departmentId
                || (actor.authority() && actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));
    }

    /** Unlocking accounts and resetting passwords: the security administrator, or the department's own. */
    static boolean securesAccountsOf(Actor actor, long departmentId) {
        return isAuthority(actor, Role.SECURITY_ADMIN)
                || (actor.has(Role.DEPARTMENT_ADMIN) && actor.departmentId() == departmentId);
    }
}
