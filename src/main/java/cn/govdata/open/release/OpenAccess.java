package cn.govdata.open.release;

import cn.govdata.policy.PolicyProfile.OpenDecider;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what with open data in the console, one method per permission. The provider department opens its
 * own entries' data through a person holding DATA_PROVIDER (a person answers for the review, OPN-5); the data
 * authority confirms openings where the region's text has it open the data (FZ14, FZ15) and may withdraw any
 * opened dataset of its region, through its catalog reviewer (the office that reviews and publishes the
 * catalog). A department sees its own datasets, the authority its region's; others get 404, so that an opening
 * in preparation does not leak. What the public reads needs no permission: it is open.
 */
public final class OpenAccess {

    private OpenAccess() {
    }

    /** Opens a dataset of the department's entry, sets its rules, runs the personal-data check. */
    public static void requireOpener(Actor actor, long departmentId) {
        if (!opener(actor, departmentId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Confirms or refuses an opening of the region. */
    public static void requireConfirmer(Actor actor, long regionId) {
        if (!confirmer(actor, regionId)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /**
     * Decides an application for data open on application: the providing department's opener, or where the region's
     * profile has the authority authorise (FZ16), the authority's catalog reviewer of the region.
     */
    public static void requireApplicationDecider(Actor actor, long departmentId, long regionId,
            OpenDecider decider) {
        if (!decidesApplications(actor, departmentId, regionId, decider)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Records the result of a competitive selection for commercial use (FZ17): the authority of the region. */
    public static void requireSelectionRecorder(Actor actor, long regionId) {
        requireConfirmer(actor, regionId);
    }

    /** Whether the actor decides applications of the department where the profile routes them as given. */
    public static boolean decidesApplications(Actor actor, long departmentId, long regionId,
            OpenDecider decider) {
        return decider == OpenDecider.AUTHORITY ? confirmer(actor, regionId)
                : opener(actor, departmentId);
    }

    /** Withdraws an opened dataset: its provider, or the authority of its region. */
    public static void requireWithdrawer(Actor actor, OpenedDataset dataset) {
        if (!opener(actor, dataset.departmentId()) && !confirmer(actor, dataset.regionId())) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Sees an opening in the console: its department, or the authority of its region; 404 for others. */
    public static void requireViewer(Actor actor, OpenedDataset dataset) {
        if (!viewer(actor, dataset.departmentId(), dataset.regionId())) {
            throw DomainException.notFound("open-dataset", dataset.id());
        }
    }

    public static boolean viewer(Actor actor, long departmentId, long regionId) {
        return actor.departmentId() == departmentId || actor.authority() && actor.regionId() == regionId;
    }

    private static boolean opener(Actor actor, long departmentId) {
        return actor.kind() == Actor.Kind.USER && actor.departmentId() == departmentId && actor.has(Role.DATA_PROVIDER);
    }

    private static boolean confirmer(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.has(Role.CATALOG_REVIEWER);
    }
}
