package cn.govdata.supervise;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what in supervision: the module's one access policy. The region's data authority supervises (its
 * catalog reviewers and system administrators, the officers who already judge the catalog and the lake); a
 * department sees its own violations, scorecard and orders and answers its orders; the authority's connected
 * systems may run the detection. A violation of another department is not found (404), not forbidden.
 */
public final class SuperviseAccess {

    private SuperviseAccess() {
    }

    /** An officer of the region's data authority. */
    public static boolean isOfficer(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.hasAny(Role.CATALOG_REVIEWER, Role.SYSTEM_ADMIN);
    }

    /** Issues, re-checks, closes and escalates orders and freezes scores, else 403. */
    public static void requireOfficer(Actor actor, long regionId) {
        if (!isOfficer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Runs the detection now: an officer or a connected system of the data authority, else 403. */
    public static void requireDetector(Actor actor) {
        boolean authoritySystem = actor.kind() == Actor.Kind.SYSTEM && actor.authority();
        if (!authoritySystem && !isOfficer(actor, actor.regionId())) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Sees a department's violations and scorecard: its own people and the authority's officers. */
    public static boolean sees(Actor actor, long departmentId, long regionId) {
        return actor.departmentId() == departmentId || isOfficer(actor, regionId);
    }

    /** As {@link #sees}, else 403 (for a department asked for by id in a query). */
    public static void requireSees(Actor actor, long departmentId, long regionId) {
        if (!sees(actor, departmentId, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Answers the department's correction orders: its users with a business or department-admin role. */
    public static void requireAnswerer(Actor actor, long departmentId) {
        if (actor.kind() != Actor.Kind.USER || actor.departmentId() != departmentId || !actor.hasAny(
                Role.DEPARTMENT_ADMIN, Role.CATALOG_EDITOR, Role.DATA_PROVIDER, Role.SHARE_APPROVER)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Registers and changes the department's information projects (CAT-10): its administrators and catalog editors. */
    public static void requireProjectEditor(Actor actor, long departmentId) {
        if (actor.kind() != Actor.Kind.USER || actor.departmentId() != departmentId
                || !actor.hasAny(Role.DEPARTMENT_ADMIN, Role.CATALOG_EDITOR)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Runs a project's checks before approval and at acceptance: its department's editors or the authority's officers. */
    public static void requireProjectChecker(Actor actor, long departmentId, long regionId) {
        boolean editor = actor.kind() == Actor.Kind.USER && actor.departmentId() == departmentId
                && actor.hasAny(Role.DEPARTMENT_ADMIN, Role.CATALOG_EDITOR);
        if (!editor && !isOfficer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
