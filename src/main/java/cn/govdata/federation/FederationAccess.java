package cn.govdata.federation;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what in the federation, one method per permission: the data authority's system administrator links
 * peers and registers harvest sources; what other platforms send is admitted by their client credentials.
 */
public final class FederationAccess {

    private FederationAccess() {
    }

    /** Registers, changes or removes peers and harvest sources, and runs harvests on demand. */
    public static void requireAdministrator(Actor actor) {
        if (!(actor.kind() == Actor.Kind.USER && actor.authority() && actor.has(Role.SYSTEM_ADMIN))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
