package cn.govdata.share.common;

import cn.govdata.audit.AuditAction;

/** What sharing records in the audit log, by the stable names the log stores (and auditors search by). */
public enum ShareAuditAction implements AuditAction {

    // applications, decisions, coordination (SHR-1 … SHR-4, NX11)
    REQUEST("share.request"),
    APPLICATION_CREATE("share.application.create"),
    APPLICATION_UPDATE("share.application.update"),
    APPLICATION_SUBMIT("share.application.submit"),
    APPLICATION_WITHDRAW("share.application.withdraw"),
    APPLICATION_APPROVE("share.application.approve"),
    APPLICATION_REFUSE("share.application.refuse"),
    ATTACHMENT_ADD("share.attachment.add"),
    ATTACHMENT_READ("share.attachment.read"),
    ATTACHMENT_REMOVE("share.attachment.remove"),
    COORDINATION_REQUEST("share.coordination.request"),
    COORDINATION_NOTE("share.coordination.note"),
    COORDINATION_GRANT("share.coordination.grant"),
    COORDINATION_REFUSE("share.coordination.refuse"),
    REMINDERS("share.reminders"),
    /** A decision signed electronically on behalf of its approver (SEC-7). */
    DECISION_SIGN("share.decision.sign"),

    // grants
    GRANT_ISSUE("share.grant.issue"),
    GRANT_REVOKE("share.grant.revoke"),
    GRANT_RENEW("share.grant.renew"),
    /** A use refused by the caller's grants (audited in its own right, even when the caller rolls back). */
    AUTHORIZE("share.authorize"),

    // uses of data (SEC-2)
    DATA_VERIFY("share.data.verify"),
    DATA_QUERY("share.data.query"),
    DATA_EXCHANGE("share.data.exchange"),
    DATA_SUBSCRIPTION("share.data.subscription"),

    // subscriptions
    SUBSCRIPTION_CREATE("share.subscription.create"),
    SUBSCRIPTION_PAUSE("share.subscription.pause"),
    SUBSCRIPTION_RESUME("share.subscription.resume"),
    SUBSCRIPTION_DELETE("share.subscription.delete"),
    SUBSCRIPTION_ROTATE_SECRET("share.subscription.rotate-secret"),
    SUBSCRIPTION_SUSPEND("share.subscription.suspend"),
    SUBSCRIPTION_WAIT("share.subscription.wait"),
    SUBSCRIPTION_DEAD_LETTER("share.subscription.dead-letter"),
    SUBSCRIPTION_DEAD_LETTER_RETRY("share.subscription.dead-letter.retry"),
    SUBSCRIPTION_DEAD_LETTER_DISCARD("share.subscription.dead-letter.discard"),

    // objections (SHR-7)
    OBJECTION_RAISE("share.objection.raise"),
    OBJECTION_READ("share.objection.read"),
    OBJECTION_LIST("share.objection.list"),
    OBJECTION_OVERDUE("share.objection.overdue"),
    OBJECTION_EVIDENCE("share.objection.evidence"),
    OBJECTION_EVIDENCE_READ("share.objection.evidence.read"),
    OBJECTION_FORWARD("share.objection.forward"),
    OBJECTION_EXTENSION_REQUEST("share.objection.extension.request"),
    OBJECTION_EXTENSION_DECIDE("share.objection.extension.decide"),
    OBJECTION_EXTENSION_GRANT("share.objection.extension.grant"),
    OBJECTION_EXTENSION_REFUSE("share.objection.extension.refuse"),
    OBJECTION_CORRECT("share.objection.correct"),
    OBJECTION_CONFIRM("share.objection.confirm");

    private final String code;

    ShareAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
