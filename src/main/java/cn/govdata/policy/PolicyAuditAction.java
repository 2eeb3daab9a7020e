package cn.govdata.policy;

import cn.govdata.audit.AuditAction;

/** What the policy module records in the audit log, by the names stored there (they never change). */
enum PolicyAuditAction implements AuditAction {
    CALENDAR_UPDATE("calendar.update");

    private final String code;

    PolicyAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
