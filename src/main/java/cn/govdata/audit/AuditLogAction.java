package cn.govdata.audit;

/** The uses of the audit log that it records about itself: auditors are audited too. */
enum AuditLogAction implements AuditAction {

    SEARCH("audit.search"),
    EXPORT("audit.export"),
    VERIFY("audit.verify");

    private final String code;

    AuditLogAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
