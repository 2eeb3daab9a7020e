package cn.govdata.catalog.entry;

import cn.govdata.audit.AuditAction;

/** What the catalog records in the audit log, by the names stored there (they never change). */
public enum CatalogAuditAction implements AuditAction {
    CREATE("catalog.create"),
    UPDATE("catalog.update"),
    SUBMIT("catalog.submit"),
    WITHDRAW("catalog.withdraw"),
    RETURN("catalog.return"),
    PUBLISH("catalog.publish"),
    RETIRE("catalog.retire"),
    LEAD_DESIGNATE("catalog.lead.designate"),
    DUPLICATE_DESIGNATE("catalog.duplicate.designate"),
    DUPLICATE_DISMISS("catalog.duplicate.dismiss"),
    OBLIGATION_RECORD("catalog.obligation.record"),
    IMPORT("catalog.import"),
    REINDEX("catalog.reindex");

    private final String code;

    CatalogAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
