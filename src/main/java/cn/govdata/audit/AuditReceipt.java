package cn.govdata.audit;

/** The position of a durable entry in the chain. */
public record AuditReceipt(long entryId, String hash) {
}
