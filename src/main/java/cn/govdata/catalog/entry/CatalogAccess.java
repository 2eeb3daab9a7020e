package cn.govdata.catalog.entry;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may see and change which catalog entries. A department's editors keep its entries; the region's data
 * authority reviews and publishes them; published entries are visible to every department and connected
 * system; unpublished versions of another department are invisible (404, not 403, so that their existence
 * does not leak).
 */
public final class CatalogAccess {

    private CatalogAccess() {
    }

    public static boolean isReviewer(Actor actor, long regionId) {
        return actor.authority() && actor.has(Role.CATALOG_REVIEWER) && actor.regionId() == regionId;
    }

    public static void requireReviewer(Actor actor, long regionId) {
        if (!isReviewer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    public static boolean isEditorOf(Actor actor, long departmentId) {
        return actor.kind() == Actor.Kind.USER && actor.has(Role.CATALOG_EDITOR) && actor.departmentId() == departmentId;
    }

    public static void requireEditorOf(Actor actor, long departmentId) {
        if (!isEditorOf(actor, departmentId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Sees the entry's working versions, not only what is published. */
    public static boolean seesWorkingVersions(Actor actor, long departmentId, long regionId) {
        return actor.departmentId() == departmentId || isReviewer(actor, regionId);
    }
}
