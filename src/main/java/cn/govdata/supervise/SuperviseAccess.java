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
 *
 * <p>A third-party assessor of the region (SUP-5) reads what the officers read and changes nothing; the period of
 * the assessor's access is checked on every supervision request before it reaches these rules (room
 * {@code assessor}), so here the role is enough.
 */
public final class SuperviseAccess {

    private SuperviseAccess() {
    }

    /** An officer of the region's data authority. */
    public static boolean isOfficer(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.hasAny(Role.CATALOG_REVIEWER, Role.SYSTEM_ADMIN);
    }

    /** A third-party assessor of the region (whose granted period is checked per request). */
    public static boolean isAssessor(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.has(Role.ASSESSOR) && actor.regionId() == regionId;
    }

    /** Reads the whole region's supervision data: its officers and its assessors. */
    public static boolean readsRegion(Actor actor, long regionId) {
        return isOfficer(actor, regionId) || isAssessor(actor, regionId);
    }

    /** As {@link #readsRegion}, else 403. */
    public static void requireRegionReader(Actor actor, long regionId) {
        if (!readsRegion(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
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

    /** Sees a department's violations and scorecard: its own people, the authority's officers and assessors. */
    public static boolean sees(Actor actor, long departmentId, long regionId) {
        return actor.departmentId() == departmentId || readsRegion(actor, regionId);
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
