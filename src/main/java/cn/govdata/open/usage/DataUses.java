package cn.govdata.open.usage;

import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.PublicAccounts;

/**
 * Records each read and download of open data as a use of data (SEC-2): one audit entry per request — who
 * (anyone, or the public account whose API key the call carried), from which address, which dataset and what was asked — written through the audit log's
 * group commit, and counted for the dataset's figures.
 */
@Component
public class DataUses {

    private final AuditLog audit;
    private final UsageCounter counter;

    DataUses(AuditLog audit, UsageCounter counter) {
        this.audit = audit;
        this.counter = counter;
    }

    /**
     * A {@code datastore_search}: the dataset, the records sent, and the shape of the request (never a value), by the
     * public account whose API key the call carried (null: anyone).
     */
    public void read(long datasetId, String packageId, Long holderId, String clientAddress, String detail) {
        counter.count(datasetId, UsageCounter.Use.API_CALL);
        record(AuditEvent.success(OpenAuditAction.DATA_READ, "open-dataset", packageId, cut(detail)), holderId,
                clientAddress);
    }

    /**
     * A dump, recorded before it streams (its size is the dataset's record count at that moment), by the public
     * account whose API key the call carried (null: anyone).
     */
    public void download(long datasetId, String packageId, Long holderId, String clientAddress, String detail) {
        counter.count(datasetId, UsageCounter.Use.DOWNLOAD);
        record(AuditEvent.success(OpenAuditAction.DATA_DOWNLOAD, "open-dataset", packageId, cut(detail)), holderId,
                clientAddress);
    }

    private void record(AuditEvent event, Long holderId, String clientAddress) {
        if (holderId == null) {
            audit.record(event);
        } else {
            audit.record(event, new AuditActor(PublicAccounts.actorName(holderId), null, clientAddress));
        }
    }

    /** A look at a dataset's metadata: counted, not audited (it holds no data values). */
    public void view(long datasetId) {
        counter.count(datasetId, UsageCounter.Use.VIEW);
    }

    private static String cut(String detail) {
        return detail.length() > 1900 ? detail.substring(0, 1900) + "…" : detail;
    }
}
