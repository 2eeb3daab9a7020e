package cn.govdata.shared;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request: a console user, a department's connected system, or a public account
 * holder. Every module
 * authorises against this, never against what the UI shows.
 *
 * @param kind user or connected system
 * @param id the user's or system's id
 * @param name login name or system name, as written to the audit log
 * @param departmentId the department the actor belongs to (its roles are scoped to it)
 * @param regionId the region of that department
 * @param authority whether that department is the region's data authority (大数据主管部门)
 * @param roles the roles held in that department
 */
public record Actor(Kind kind, long id, String name, long departmentId, long regionId, boolean authority,
        Set<Role> roles) {

    /**
     * A console user, a department's connected system, or a member of the public with an account on the open-data
     * portal (公众账号): the last has no department, region or roles, and its token reaches only the public API.
     */
    public enum Kind { USER, SYSTEM, PUBLIC }

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The authenticated actor of this request, if any. */
    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** The authenticated actor; the security filter guarantees one on every protected endpoint. */
    public static Actor require() {
        return current().orElseThrow(() -> new DomainException(ProblemCode.UNAUTHENTICATED));
    }
}
