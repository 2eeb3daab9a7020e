package cn.govdata.open.usage;

import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.open.application.GrantUses;

/**
 * Records each read and download of open data as a use of data (SEC-2): one audit entry per request — who
 * (anyone, or the public account whose API key the call carried), from which address, which dataset and what was asked — written through the audit log's
 * group commit, and counted for the dataset's figures; a use under an open grant names the grant in the audit entry
 * and is counted for it too (its usage reports, its revenue's sharing).
 */
@Component
public class DataUses {

    private final AuditLog audit;
    private final UsageCounter counter;
    private final GrantUses grantUses;

    DataUses(AuditLog audit, UsageCounter counter, GrantUses grantUses) {
        this.audit = audit;
        this.counter = counter;
        this.grantUses = grantUses;
    }

    /**
     * A {@code datastore_search}: the dataset, the records sent, and the shape of the request (never a value), by the
     * public account whose API key the call carried (null: anyone), under the grant (the approved application's id)
     * that let it read data open on application (null: none needed).
     */
    public void read(long datasetId, String packageId, Long holderId, Long grantId, String clientAddress,
            String detail) {
        counter.count(datasetId, UsageCounter.Use.API_CALL);
        if (grantId != null) {
            grantUses.apiCall(grantId);
        }
        record(event(OpenAuditAction.DATA_READ, packageId, grantId, detail), holderId, clientAddress);
    }

    /**
     * A dump, recorded before it streams (its size is the dataset's record count at that moment), by the public
     * account whose API key the call carried (null: anyone), under the grant that let it (null: none needed).
     */
    public void download(long datasetId, String packageId, Long holderId, Long grantId, String clientAddress,
            String detail) {
        counter.count(datasetId, UsageCounter.Use.DOWNLOAD);
        if (grantId != null) {
            grantUses.download(grantId);
        }
        record(event(OpenAuditAction.DATA_DOWNLOAD, packageId, grantId, detail), holderId, clientAddress);
    }

    private static AuditEvent event(OpenAuditAction action, String packageId, Long grantId, String detail) {
        return new AuditEvent(action, "open-dataset", packageId, AuditOutcome.SUCCESS, cut(detail), null,
                grantId == null ? null : "open-application/" + grantId);
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
