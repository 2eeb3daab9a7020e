package cn.govdata.open;

import cn.govdata.audit.AuditAction;

/** What the open-data module records in the audit log, by stable name. */
public enum OpenAuditAction implements AuditAction {

    /** A provider opened a dataset (or asked to, where the authority confirms); a refusal is a failure. */
    DATASET_OPEN("open.dataset.open"),
    /** The data authority confirmed an opening. */
    DATASET_CONFIRM("open.dataset.confirm"),
    /** The data authority refused to confirm an opening. */
    DATASET_REJECT("open.dataset.reject"),
    /** A provider or the authority withdrew an opened dataset. */
    DATASET_WITHDRAW("open.dataset.withdraw"),
    /** The desensitisation rules of an opened dataset changed. */
    RULES_CHANGE("open.rules.change"),
    /** The catalog entry of an opened dataset changed: a new version shown, or the entry retired or no longer open. */
    CATALOG_CHANGE("open.dataset.catalog-change"),
    /** Records of open data read through the API (datastore_search): a use of data. */
    DATA_READ("open.data.read"),
    /** Open data downloaded (datastore dump): a use of data. */
    DATA_DOWNLOAD("open.data.download"),

    // public accounts (open.account) and open-data demand requests (open.demand)
    /** A verification code sent to a contact (or refused: too many, channel not offered). */
    CODE_SEND("open.public.code.send"),
    /** A public account registered with a verified code. */
    ACCOUNT_REGISTER("open.public.account.register"),
    /** A public account holder logged in (a wrong password or a locked account is a failure). */
    LOGIN("open.public.login"),
    LOGOUT("open.public.logout"),
    /** The holder changed the profile or the notification consent. */
    ACCOUNT_UPDATE("open.public.account.update"),
    PASSWORD_CHANGE("open.public.password-change"),
    /** The holder deleted the account. */
    ACCOUNT_DELETE("open.public.account.delete"),
    /** A demand request submitted. */
    DEMAND_SUBMIT("open.demand.submit"),
    /** The authority gave a request to a department. */
    DEMAND_ASSIGN("open.demand.assign"),
    /** A department (or the authority) answered a request. */
    DEMAND_ANSWER("open.demand.answer"),
    /** A department said the data is not its own: the request goes back to the authority. */
    DEMAND_RETURN("open.demand.return"),
    /** A department linked a request to the catalog entry whose opening fulfils it. */
    DEMAND_LINK("open.demand.link"),
    /** The requester objected to the answer. */
    DEMAND_OBJECT("open.demand.object"),
    /** The authority decided an objection. */
    DEMAND_REVIEW("open.demand.review"),
    /** The linked entry's data was opened, and the requester told. */
    DEMAND_FULFIL("open.demand.fulfil"),

    // applications for conditionally-open data (open.application) and public API keys (open.key)
    /** A public account holder applied for a dataset open on application. */
    APPLICATION_SUBMIT("open.application.submit"),
    /** The providing department approved an application: the usage agreement and the access it gives. */
    APPLICATION_APPROVE("open.application.approve"),
    /** The providing department refused an application, with reasons and legal basis. */
    APPLICATION_REFUSE("open.application.refuse"),
    /** The authority recorded the result of a competitive selection for commercial use (FZ17). */
    APPLICATION_SELECTION("open.application.selection"),
    /** The holder of an approved application reported its use of the data for a period (OPN-6). */
    USAGE_REPORT("open.application.report"),
    KEY_CREATE("open.key.create"),
    KEY_REVOKE("open.key.revoke"),

    // apps and results built on open data (open.reuse)
    /** A public account holder published an app or result, for moderation. */
    REUSE_SUBMIT("open.reuse.submit"),
    /** The holder changed it: back to moderation. */
    REUSE_EDIT("open.reuse.edit"),
    REUSE_DELETE("open.reuse.delete"),
    /** The data authority let it show on the portal. */
    REUSE_APPROVE("open.reuse.approve"),
    /** The data authority did not, with a reason. */
    REUSE_REJECT("open.reuse.reject"),

    /** The data authority recorded revenue from authorised development, and its allocation was computed (OPN-8). */
    REVENUE_RECORD("open.revenue.record"),

    /** The data authority flagged an open dataset as emergency data (OPN-7). */
    EMERGENCY_FLAG("open.emergency.flag"),
    /** The flag was lifted by the authority, or lapsed after its last day. */
    EMERGENCY_LIFT("open.emergency.lift");

    private final String code;

    OpenAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
