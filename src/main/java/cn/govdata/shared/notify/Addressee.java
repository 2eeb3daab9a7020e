package cn.govdata.shared.notify;

import cn.govdata.shared.Role;

/**
 * Who a notice is for, in the terms of the organisation rather than as a list of users, so that the module raising
 * it needs not know who holds an office today.
 *
 * @param kind which sort of addressee
 * @param id the department, region or user the addressee is taken from
 * @param role for {@link Kind#ROLE_IN_DEPARTMENT}: the role the department's users must hold
 */
public record Addressee(Kind kind, long id, Role role) {

    public enum Kind {
        /** The enabled users of a department holding a role (e.g. its department administrators). */
        ROLE_IN_DEPARTMENT,
        /** The department's chief data officer in office, if one is designated. */
        DEPARTMENT_CHIEF_DATA_OFFICER,
        /** The region's (the government's) chief data officer in office, if one is designated. */
        REGION_CHIEF_DATA_OFFICER,
        /** One user. */
        USER
    }

    public static Addressee role(long departmentId, Role role) {
        return new Addressee(Kind.ROLE_IN_DEPARTMENT, departmentId, role);
    }

    public static Addressee chiefDataOfficerOf(long departmentId) {
        return new Addressee(Kind.DEPARTMENT_CHIEF_DATA_OFFICER, departmentId, null);
    }

    public static Addressee regionChiefDataOfficer(long regionId) {
        return new Addressee(Kind.REGION_CHIEF_DATA_OFFICER, regionId, null);
    }

    public static Addressee user(long userId) {
        return new Addressee(Kind.USER, userId, null);
    }
}
