package cn.govdata.org;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may see and change which organisation objects, one method per permission. The data authority's system
 * administrator manages the whole directory; a department administrator manages only its own department; the
 * security administrator secures accounts and revokes systems; everyone else sees the directory of regions and
 * departments (needed to find data to share) but no other department's people or systems.
 */
final class OrgAccess {

    private OrgAccess() {
    }

    /** Refuses with 403 unless the permission holds. */
    static void require(boolean permitted) {
        if (!permitted) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Creates regions, and creates and changes departments. */
    static boolean mayManageRegionsAndDepartments(Actor actor) {
        return isAuthority(actor, Role.SYSTEM_ADMIN);
    }

    /** Sees the people, roster and connected systems of a department. */
    static boolean maySeeInside(Actor actor, long departmentId) {
        return actor.departmentId() == departmentId || maySeeEveryDepartment(actor);
    }

    /** Lists the users and connected systems of every department at once. */
    static boolean maySeeEveryDepartment(Actor actor) {
        return actor.authority() && actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
    }

    /** Sees a user account: one's own, or any in a department one sees inside. */
    static boolean maySeeUser(Actor actor, long userId, long departmentId) {
        return isSelf(actor, userId) || maySeeInside(actor, departmentId);
    }

    /** Changes a department's roster. */
    static boolean mayChangeRoster(Actor actor, long departmentId) {
        return administers(actor, departmentId);
    }

    /** Creates user accounts in a department and changes their names, roles and whether they are enabled. */
    static boolean mayManageUsersOf(Actor actor, long departmentId) {
        return administers(actor, departmentId);
    }

    /** Changes the roles of an account: never one's own, so that no one widens or narrows their own powers. */
    static boolean mayChangeRolesOf(Actor actor, long userId) {
        return !isSelf(actor, userId);
    }

    /** Grants or withdraws the system, security or audit administrator role (三员分立). */
    static boolean mayAssignAdministratorRoles(Actor actor) {
        return isAuthority(actor, Role.SYSTEM_ADMIN);
    }

    /**
     * Unlocks an account or resets its password: the security administrator, or the department's own administrator
     * for accounts without an administrator role; never one's own account.
     */
    static boolean maySecureAccount(Actor actor, long userId, long departmentId, boolean targetIsAdministrator) {
        if (isSelf(actor, userId)) {
            return false;
        }
        return isAuthority(actor, Role.SECURITY_ADMIN)
                || (!targetIsAdministrator && actor.has(Role.DEPARTMENT_ADMIN) && actor.departmentId() == departmentId);
    }

    /** Registers a department's connected systems and rotates their secrets. */
    static boolean mayManageSystemsOf(Actor actor, long departmentId) {
        return administers(actor, departmentId);
    }

    /**
     * Registers a monitoring system (role MONITORING: reads the platform's metrics, no data): the authority's system
     * administrator, who runs the platform.
     */
    static boolean mayRegisterMonitoringSystem(Actor actor) {
        return isAuthority(actor, Role.SYSTEM_ADMIN);
    }

    /** Revokes a connected system: those who manage it, and the security administrator. */
    static boolean mayRevokeSystem(Actor actor, long departmentId) {
        return administers(actor, departmentId) || isAuthority(actor, Role.SECURITY_ADMIN);
    }

    /**
     * Appoints and removes a chief data officer (ORG-3): the region's data authority's system administrator for the
     * region itself ({@code departmentId} none) and for its departments; a department administrator for their own.
     */
    static boolean mayAppointChiefDataOfficer(Actor actor, long regionId, Long departmentId) {
        boolean regionsAuthority = isAuthority(actor, Role.SYSTEM_ADMIN) && actor.regionId() == regionId;
        if (departmentId == null) {
            return regionsAuthority;
        }
        return regionsAuthority || (actor.has(Role.DEPARTMENT_ADMIN) && actor.departmentId() == departmentId);
    }

    /** Department administrators act inside their own department only. */
    private static boolean administers(Actor actor, long departmentId) {
        return isAuthority(actor, Role.SYSTEM_ADMIN)
                || (actor.has(Role.DEPARTMENT_ADMIN) && actor.departmentId() == departmentId);
    }

    private static boolean isAuthority(Actor actor, Role role) {
        return actor.authority() && actor.has(role);
    }

    private static boolean isSelf(Actor actor, long userId) {
        return actor.kind() == Actor.Kind.USER && actor.id() == userId;
    }
}
