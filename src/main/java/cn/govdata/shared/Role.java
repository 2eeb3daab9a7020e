package cn.govdata.shared;

/**
 * Roles a user holds within their department. The catalog reviewer and the last three exist only in the data authority and are
 * mutually exclusive (三员分立, MLPS level 3): no account may hold two of them.
 */
public enum Role {
    CATALOG_EDITOR,
    DATA_PROVIDER,
    SHARE_APPROVER,
    DATA_USER,
    /** Reviews and publishes the catalog of the region (CAT-5); only in the data authority. */
    CATALOG_REVIEWER,
    /** Manages its own department: roster, users without administrator roles, connected systems. */
    DEPARTMENT_ADMIN,
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDIT_ADMIN;

    /** Roles that only make sense in the data authority. */
    public boolean isAuthorityOnly() {
        return this == CATALOG_REVIEWER || isSeparatedAdministrator();
    }

    public boolean isSeparatedAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
