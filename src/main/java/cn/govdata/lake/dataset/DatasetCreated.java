package cn.govdata.lake.dataset;

/**
 * A dataset was created, published inside the creating transaction: what the lake checks of a new dataset
 * (its repeated collections) is done in that same transaction by a synchronous listener.
 */
public record DatasetCreated(long datasetId, long entryId) {
}
