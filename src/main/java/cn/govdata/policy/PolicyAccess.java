package cn.govdata.policy;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Who may do what with the policy and the calendar. Every authenticated actor reads the profile in force and
 * the calendar; only the data authority's system administrators enter a year's holiday arrangements.
 */
final class PolicyAccess {

    private PolicyAccess() {
    }

    /** Enters the official holiday and make-up working days of a year. */
    static void requireCalendarKeeper(Actor actor) {
        if (!actor.authority() || !actor.has(Role.SYSTEM_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }
}
