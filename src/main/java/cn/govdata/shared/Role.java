package cn.govdata.shared;

/**
 * Roles a user holds within their department. The catalog reviewer, the three administrators and monitoring exist
 * only in the data authority; the three administrators are mutually exclusive (三员分立, MLPS level 3): no account
 * may hold two of them.
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
    AUDIT_ADMIN,
    /**
     * Reads the platform's operational metrics ({@code /actuator/prometheus}) and nothing else: for the monitoring
     * system (Prometheus, as a connected system with client credentials) or an operator; only in the data authority.
     */
    MONITORING,
    /**
     * A third-party assessor (第三方评估, SUP-5): reads the region's supervision figures (scorecards, metrics with
     * their records, reports, violations) during a period the data authority grants, and nothing else; never in
     * the data authority itself.
     */
    ASSESSOR;

    /** Roles that only make sense in the data authority. */
    public boolean isAuthorityOnly() {
        return this == CATALOG_REVIEWER || this == MONITORING || isSeparatedAdministrator();
    }

    public boolean isSeparatedAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
