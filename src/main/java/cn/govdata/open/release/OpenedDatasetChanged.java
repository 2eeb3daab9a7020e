package cn.govdata.open.release;

/**
 * A row of the opened datasets was written (opened, confirmed, followed from the catalog, withdrawn): published in
 * the writing transaction, so that copies of what the public sees (the search index) read it again once it commits.
 *
 * @param id the dataset's row id
 */
public record OpenedDatasetChanged(long id) {
}
