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
