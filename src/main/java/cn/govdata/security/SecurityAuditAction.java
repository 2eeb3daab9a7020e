package cn.govdata.security;

import cn.govdata.audit.AuditAction;

/** What the security module writes to the audit log (logins themselves are checked, and audited, by org). */
enum SecurityAuditAction implements AuditAction {
    LOGOUT("auth.logout");

    private final String code;

    SecurityAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
