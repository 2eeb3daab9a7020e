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

    /**
     * Applies through this platform for a lower platform's entry, attaches, submits and follows the application:
     * a data user of a department (SHR-10), as for this platform's own entries.
     */
    public static void requireRemoteApplicant(Actor actor) {
        if (!(actor.kind() == Actor.Kind.USER && actor.has(Role.DATA_USER))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Uses a grant of another platform through this one: a data user of the department, or one of its systems. */
    public static void requireRelayUser(Actor actor) {
        if (!actor.has(Role.DATA_USER) || actor.kind() == Actor.Kind.PUBLIC) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    /** Registers, changes or removes peers and harvest sources, and runs harvests on demand. */
    public static void requireAdministrator(Actor actor) {
        if (!(actor.kind() == Actor.Kind.USER && actor.authority() && actor.has(Role.SYSTEM_ADMIN))) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
