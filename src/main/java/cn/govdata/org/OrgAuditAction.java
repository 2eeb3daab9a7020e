package cn.govdata.org;

import cn.govdata.audit.AuditAction;

/** What the organisation module writes to the audit log: the directory, accounts, and checking credentials. */
public enum OrgAuditAction implements AuditAction {
    REGION_CREATE("region.create"),
    DEPARTMENT_CREATE("department.create"),
    DEPARTMENT_UPDATE("department.update"),
    ROSTER_CHANGE("roster.change"),
    /** A chief data officer appointed (ORG-3); the one in office before ends the same day. */
    CHIEF_DATA_OFFICER_APPOINT("cdo.appoint"),
    CHIEF_DATA_OFFICER_END("cdo.end"),
    /** A member of the chief data officer's working group appointed, their term ended (ORG-3). */
    WORKING_GROUP_APPOINT("cdo.member.appoint"),
    WORKING_GROUP_END("cdo.member.end"),
    /** A document of appointment (or of a yearly summary) stored, and read. */
    APPOINTMENT_DOCUMENT_ADD("cdo.document.add"),
    APPOINTMENT_DOCUMENT_READ("cdo.document.read"),
    /** A change reported to the data authority (ORG-2, ORG-3), and acknowledged by it. */
    FILING_REPORT("org.filing.report"),
    FILING_ACKNOWLEDGE("org.filing.acknowledge"),
    /** The chief data officer's yearly summary submitted. */
    YEARLY_SUMMARY_SUBMIT("cdo.summary.submit"),
    USER_CREATE("user.create"),
    USER_UPDATE("user.update"),
    USER_UNLOCK("user.unlock"),
    USER_RESET_PASSWORD("user.reset-password"),
    SYSTEM_REGISTER("system.register"),
    SYSTEM_ROTATE_SECRET("system.rotate-secret"),
    SYSTEM_REVOKE("system.revoke"),
    /** A console login, successful or refused (unknown login, wrong password, locked, disabled). */
    LOGIN("auth.login"),
    /** A connected system's client credentials checked at the token endpoint. */
    CLIENT_CREDENTIALS("auth.client-credentials"),
    PASSWORD_CHANGE("auth.password-change"),
    TOTP_SETUP("auth.totp-setup"),
    TOTP_ENABLE("auth.totp-enable"),
    /** A technical service unit authorised, a user linked to it, its authorisation revoked (ORG-4). */
    SERVICE_UNIT_AUTHORISE("service-unit.authorise"),
    SERVICE_UNIT_MEMBER("service-unit.member"),
    SERVICE_UNIT_REVOKE("service-unit.revoke");

    private final String code;

    OrgAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
