package cn.govdata.supervise;

import cn.govdata.audit.AuditAction;

/** What supervision records in the audit log, by the names stored there (they never change). */
public enum SuperviseAuditAction implements AuditAction {
    DETECT("supervise.detect"),
    ORDER_ISSUE("supervise.order.issue"),
    ORDER_ANSWER("supervise.order.answer"),
    RECHECK("supervise.recheck"),
    CLOSE("supervise.close"),
    ESCALATE("supervise.escalate"),
    SCORES_FREEZE("supervise.scores.freeze"),
    REPORT_DOWNLOAD("supervise.report.download"),
    SELF_REPORT_SAVE("supervise.self-report.save"),
    SELF_REPORT_SUBMIT("supervise.self-report.submit"),
    SELF_REPORT_RETURN("supervise.self-report.return"),
    SELF_REPORT_DOWNLOAD("supervise.self-report.download"),
    ASSESSOR_GRANT("supervise.assessor.grant"),
    ASSESSOR_REVOKE("supervise.assessor.revoke"),
    /** A third-party assessor read supervision data (every read is recorded). */
    ASSESSOR_READ("supervise.assessor.read"),
    PROJECT_REGISTER("supervise.project.register"),
    PROJECT_CHANGE("supervise.project.change"),
    PROJECT_APPROVAL_CHECK("supervise.project.approval-check"),
    PROJECT_ACCEPTANCE_CHECK("supervise.project.acceptance-check"),
    PROJECT_EVIDENCE_DOWNLOAD("supervise.project.evidence-download"),
    COMPLIANCE_EXPORT("supervise.compliance.export");

    private final String code;

    SuperviseAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
