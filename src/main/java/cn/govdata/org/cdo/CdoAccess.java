package cn.govdata.org.cdo;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who reads and handles the filings of the chief-data-officer system beyond the officer's own rules
 * ({@link cn.govdata.org.ChiefDataOfficers#mayAppoint}): the data authority's officers (its system administrators
 * and catalog reviewers, who supervise) see every department's and acknowledge them.
 */
final class CdoAccess {

    private CdoAccess() {
    }

    static boolean isAuthorityOfficer(Actor actor, long regionId) {
        return actor.kind() == Actor.Kind.USER && actor.authority() && actor.regionId() == regionId
                && actor.hasAny(Role.SYSTEM_ADMIN, Role.CATALOG_REVIEWER);
    }

    /** Sees every department's officers, working group and filings at once. */
    static boolean seesEveryDepartment(Actor actor) {
        return isAuthorityOfficer(actor, actor.regionId())
                || (actor.authority() && actor.hasAny(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));
    }

    static void require(boolean permitted) {
        if (!permitted) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
