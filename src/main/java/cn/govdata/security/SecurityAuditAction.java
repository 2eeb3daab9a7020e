package cn.govdata.security;

import cn.govdata.audit.AuditAction;

/**
 * What the security module writes to the audit log (logins themselves are checked, and audited, by org); public for
 * the module's rooms (incidents, assessments, leak tracing).
 */
public enum SecurityAuditAction implements AuditAction {
    LOGOUT("auth.logout"),
    INCIDENT_REGISTER("security.incident.register"),
    INCIDENT_DRAFT("security.incident.draft"),
    INCIDENT_CONFIRM("security.incident.confirm"),
    INCIDENT_ACTION("security.incident.action"),
    INCIDENT_CLOSE("security.incident.close"),
    ASSESSMENT_OPEN("security.assessment.open"),
    ASSESSMENT_ANSWER("security.assessment.answer"),
    ASSESSMENT_SUBMIT("security.assessment.submit"),
    ASSESSMENT_REVIEW("security.assessment.review"),
    TRACE("security.trace");

    private final String code;

    SecurityAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
