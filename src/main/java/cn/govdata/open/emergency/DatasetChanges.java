package cn.govdata.open.emergency;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.lake.DatasetChanged;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;

/**
 * What changed in each open dataset, for its public change feed: every update of its data in the lake (with the
 * records it then held, never a value), and its flagging as emergency data and the flag's lifting.
 */
@Component
class DatasetChanges {

    enum Kind { DATA, FLAGGED, LIFTED }

    /** A change as the feed shows it. */
    record Change(long id, long datasetId, Kind kind, OffsetDateTime at, Long records, String note) {
    }

    static final int FEED_SIZE = 100;

    private final JdbcClient jdbc;
    private final OpenedDatasets datasets;
    private final DesensitisationGate gate;

    DatasetChanges(JdbcClient jdbc, OpenedDatasets datasets, DesensitisationGate gate) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.gate = gate;
    }

    /** The lake applied a change to a dataset: noted once committed, if its data is open. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DatasetChanged event) {
        datasets.byEntry(event.entryId()).filter(OpenedDataset::active).ifPresent(d -> add(d.id(), Kind.DATA,
                OffsetDateTime.now(ZoneOffset.UTC),
                gate.holdings(event.entryId()).map(DesensitisationGate.Holdings::records).orElse(null), null));
    }

    void add(long datasetId, Kind kind, OffsetDateTime at, String note) {
        add(datasetId, kind, at, null, note);
    }

    private void add(long datasetId, Kind kind, OffsetDateTime at, Long records, String note) {
        jdbc.sql("insert into open_dataset_change (dataset_id, kind, changed_at, records, note) values (?, ?, ?, ?, ?)")
                .params(datasetId, kind.name(), at, records, note).update();
    }

    /** The dataset's latest changes, newest first. */
    List<Change> latest(long datasetId) {
        return jdbc.sql("""
                select id, dataset_id, kind, changed_at, records, note from open_dataset_change
                where dataset_id = ? order by id desc fetch first %d rows only""".formatted(FEED_SIZE))
                .param(datasetId)
                .query((rs, row) -> new Change(rs.getLong("id"), rs.getLong("dataset_id"),
                        Kind.valueOf(rs.getString("kind")), rs.getObject("changed_at", OffsetDateTime.class),
                        (Long) rs.getObject("records", Long.class), rs.getString("note")))
                .list();
    }
}
