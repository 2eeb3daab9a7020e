package cn.govdata.open.account;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what with public accounts and open-data demand requests, one method per permission.
 *
 * <p>A public account holder reaches only their own account, notices and requests: the id comes from the session,
 * never from the request, so another account's data cannot even be named (404). Officials have no business with
 * the public account endpoints (403). A demand request is answered by the department it is routed to, through a
 * person holding DATA_PROVIDER (as opening data is); the region's data authority assigns requests that name no
 * department, may answer them itself, and decides objections, through its catalog reviewer (FZ18: 市数字办). A
 * department sees the requests routed to it, the authority every request of its region; others get 404. Answered
 * requests are public: reading them needs no permission.
 */
public final class PublicAccess {

    private PublicAccess() {
    }

    /** The account of the current session: a public account holder only. */
    public static long requireAccountHolder(Actor actor) {
        if (actor.kind() != Actor.Kind.PUBLIC) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return actor.id();
    }

    /** Sees a demand request in the console: the department it is routed to, or the authority of its region. */
    public static void requireDemandViewer(Actor actor, Long departmentId, long regionId, long demandId) {
        boolean viewer = actor.kind() == Actor.Kind.USER
                && (departmentId != null && actor.departmentId() == departmentId || authority(actor, regionId));
        if (!viewer) {
            throw DomainException.notFound("demand", demandId);
        }
    }

    /** Answers a demand request routed to the department. */
    public static void requireReplier(Actor actor, long departmentId) {
        if (!(actor.kind() == Actor.Kind.USER && actor.departmentId() == departmentId
                && actor.has(Role.DATA_PROVIDER))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Links an answered request to its catalog entry: the department that answered, or the authority. */
    public static void requireLinker(Actor actor, Long answeredDepartmentId, long regionId) {
        boolean replier = answeredDepartmentId != null && actor.kind() == Actor.Kind.USER
                && actor.departmentId() == answeredDepartmentId && actor.has(Role.DATA_PROVIDER);
        if (!replier && !(authority(actor, regionId) && actor.has(Role.CATALOG_REVIEWER))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Assigns, answers unassigned requests and decides objections of the region: the authority's reviewer. */
    public static void requireAuthority(Actor actor, long regionId) {
        if (!(authority(actor, regionId) && actor.has(Role.CATALOG_REVIEWER))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Lists demand requests in the console: an official (what they see depends on their department). */
    public static void requireOfficial(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private static boolean authority(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId;
    }
}
