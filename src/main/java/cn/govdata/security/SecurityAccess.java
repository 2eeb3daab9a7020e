package cn.govdata.security;

import cn.govdata.shared.Actor;
import cn.govdata.shared.Role;

/**
 * What this module itself lets whom do, one method per permission. Everything else under {@code /api} needs only
 * a live token here; each module decides who may do what with its objects.
 */
final class SecurityAccess {

    private SecurityAccess() {
    }

    /** Reads and changes one's own account (password, second factor): console users; a system has no account. */
    static boolean mayManageOwnAccount(Actor actor) {
        return actor.kind() == Actor.Kind.USER;
    }

    /**
     * Reads the operational metrics ({@code /actuator/prometheus}): a monitoring system or user, and the data
     * authority's system administrator, who runs the platform. Not other users or business systems: the metrics
     * tell how the platform is used (who calls which interface how often).
     */
    static boolean mayReadMetrics(Actor actor) {
        return actor.has(Role.MONITORING) || (actor.authority() && actor.has(Role.SYSTEM_ADMIN));
    }
}
