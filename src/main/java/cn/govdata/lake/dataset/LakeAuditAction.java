package cn.govdata.lake.dataset;

import cn.govdata.audit.AuditAction;

/** What the lake records in the audit log, by the stored names that tests and existing logs rely on. */
public enum LakeAuditAction implements AuditAction {

    DATASET_CREATE("lake.dataset.create"),
    DATASET_MIGRATE("lake.dataset.migrate"),
    RECORDS_READ("lake.records.read"),
    CYCLE_EXCEPTION_FILE("lake.cycle-exception.file"),
    CYCLE_EXCEPTION_ACCEPT("lake.cycle-exception.accept"),
    CYCLE_EXCEPTION_REJECT("lake.cycle-exception.reject"),
    BATCH_INGEST("lake.batch.ingest"),
    BATCH_HOLD("lake.batch.hold"),
    BATCH_HOLD_RELEASE("lake.batch.hold.release"),
    BATCH_HOLD_DISCARD("lake.batch.hold.discard"),
    BATCH_REJECTED_ROWS("lake.batch.rejected-rows"),
    PUSH_CLASSIFIED_REFUSE("lake.push.classified-refuse"),
    PUSH("lake.push"),
    RECORD_CORRECT("lake.record.correct"),
    RULE_ADD("lake.rule.add"),
    RULE_RETIRE("lake.rule.retire"),
    SOURCES_DESIGNATE("lake.sources.designate"),
    REPEATED_COLLECTION_FLAG("lake.repeated-collection.flag"),
    REPEATED_COLLECTION_DECIDE("lake.repeated-collection.decide"),
    DISCREPANCIES_SCAN("lake.discrepancies.scan"),
    DISCREPANCY_RESOLVE("lake.discrepancy.resolve"),
    DELETION_REQUEST("lake.deletion.request"),
    DELETION_APPROVE("lake.deletion.approve"),
    DELETION_REJECT("lake.deletion.reject"),
    PURCHASE_FILE("lake.purchase.file"),
    PURCHASE_APPROVE("lake.purchase.approve"),
    PURCHASE_REJECT("lake.purchase.reject"),
    KEYS_ROTATE("lake.keys.rotate"),
    KEY_RETIRE("lake.keys.retire");

    private final String code;

    LakeAuditAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
