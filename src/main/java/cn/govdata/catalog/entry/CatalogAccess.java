package cn.govdata.catalog.entry;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may see and change which catalog entries: the catalog's one access policy, used by its controllers and
 * services. A department's editors keep its entries; the region's data authority reviews and publishes them;
 * published entries are visible to every department and connected system; unpublished versions of another
 * department are invisible (404, not 403, so that their existence does not leak). Everything else (the
 * published catalog, its search and lists, the lead departments, the Excel template) is open to every
 * authenticated actor of the region.
 */
public final class CatalogAccess {

    private CatalogAccess() {
    }

    /**
     * The region's catalog reviewer at the data authority: reviews, returns and publishes entries, designates
     * lead departments, decides suspected duplicates, and sees every working version of the region.
     */
    public static boolean isReviewer(Actor actor, long regionId) {
        return actor.authority() && actor.has(Role.CATALOG_REVIEWER) && actor.regionId() == regionId;
    }

    /** As {@link #isReviewer}, else 403. */
    static void requireReviewer(Actor actor, long regionId) {
        if (!isReviewer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Drafts, changes, submits, withdraws and imports the department's entries, else 403. */
    public static void requireEditorOf(Actor actor, long departmentId) {
        if (!isEditorOf(actor, departmentId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Sees the entry's working versions, not only what is published: its department and the reviewers. */
    static boolean seesWorkingVersions(Actor actor, long departmentId, long regionId) {
        return actor.departmentId() == departmentId || isReviewer(actor, regionId);
    }

    /** An entry that has never been published is seen only by those who see its working versions, else 404. */
    static void requireVisible(Actor actor, long entryId, long departmentId, long regionId, boolean published) {
        if (!published && !seesWorkingVersions(actor, departmentId, regionId)) {
            throw DomainException.notFound("catalog entry", entryId);
        }
    }

    /**
     * Lists a department's entries with their working versions, exports them and reads its update obligations:
     * the department's own people and the region's reviewer, else 403.
     */
    public static void requireDepartmentReader(Actor actor, long departmentId, long regionId) {
        if (actor.departmentId() != departmentId && !isReviewer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /**
     * Retires a department's entries and records the triggers that oblige it to update its catalog: the
     * department's editors and the region's reviewer, else 403.
     */
    static void requireDepartmentKeeper(Actor actor, long departmentId, long regionId) {
        if (!isEditorOf(actor, departmentId) && !isReviewer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Sees the search index's state and rebuilds it: the data authority's system administrators and reviewers. */
    public static void requireIndexOperator(Actor actor) {
        if (!actor.authority() || !actor.hasAny(Role.SYSTEM_ADMIN, Role.CATALOG_REVIEWER)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private static boolean isEditorOf(Actor actor, long departmentId) {
        return actor.kind() == Actor.Kind.USER && actor.has(Role.CATALOG_EDITOR) && actor.departmentId() == departmentId;
    }
}
