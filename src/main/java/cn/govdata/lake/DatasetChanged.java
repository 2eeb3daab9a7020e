package cn.govdata.lake;

/**
 * Published in the transaction that applies a batch, a push, a correction or a deletion to a dataset; listeners
 * that act on it after commit (a {@code @TransactionalEventListener}) see the change. {@code sequence} is the
 * dataset's cursor after the change ({@link LakeRecords#export}).
 */
public record DatasetChanged(long datasetId, long entryId, long sequence) {
}
