package cn.govdata.share;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what in sharing. Applications are made by a department's data users (people, not systems: a
 * person answers for the purpose); the providing department's share approver and the authority's share
 * approver decide; another department's applications and grants are not visible (404).
 *
 * <p>The authority decides with the role SHARE_APPROVER held by a user of the data authority, not with
 * CATALOG_REVIEWER: reviewing the catalog and deciding who may use data are different duties, and an
 * authority may give them to different people.
 */
final class ShareAccess {

    private ShareAccess() {
    }

    static boolean dataUser(Actor actor) {
        return actor.kind() == Actor.Kind.USER && actor.has(Role.DATA_USER);
    }

    static void requireDataUser(Actor actor) {
        if (!dataUser(actor)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** The providing department's share approver. */
    static boolean providerApprover(Actor actor, long providerDepartmentId) {
        return actor.kind() == Actor.Kind.USER && actor.departmentId() == providerDepartmentId
                && actor.has(Role.SHARE_APPROVER);
    }

    /** The share approver of the region's data authority. */
    static boolean authorityApprover(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.has(Role.SHARE_APPROVER);
    }

    /** A status or an action named in a problem message, in the caller's language. */
    static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] { "share." + key }, key);
    }
}
