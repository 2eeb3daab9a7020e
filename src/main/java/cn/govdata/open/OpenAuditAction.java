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
    DATA_DOWNLOAD("open.data.download");

    private final String code;

    OpenAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
