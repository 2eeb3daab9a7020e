package cn.govdata.notice;

import cn.govdata.audit.AuditAction;

/** What the notifications module writes to the audit log: where a department's notices are sent. */
enum NoticeAuditAction implements AuditAction {
    WEBHOOK_SET("notice.webhook.set"),
    WEBHOOK_REMOVE("notice.webhook.remove");

    private final String code;

    NoticeAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
