package cn.govdata.lake.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.dataset.LakeDatasets;

/**
 * At start-up, batches that were still running when the process stopped are marked failed and their staged
 * rows discarded. They had not been applied (applying is one transaction), so their datasets are exactly as
 * they were before the batch.
 */
@Component
@ConditionalOnWebApplication
class LakeRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LakeRecovery.class);

    private final JdbcClient jdbc;
    private final DatasetTables tables;

    LakeRecovery(JdbcClient jdbc, DatasetTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public void run(ApplicationArguments args) {
        record Interrupted(long batchId, String table) {
        }
        var interrupted = jdbc.sql("""
                select b.id, d.table_name from lake_batch b join lake_dataset d on d.id = b.dataset_id
                where b.status = 'RUNNING'""").query((rs, n) -> new Interrupted(rs.getLong(1), rs.getString(2))).list();
        for (Interrupted batch : interrupted) {
            tables.discardStaging(batch.table(), batch.batchId());
            jdbc.sql("update lake_batch set status = 'FAILED', message = ?, finished_at = ? where id = ?")
                    .params("lake.batch.interrupted", LakeDatasets.now(),
                            batch.batchId())
                    .update();
            log.warn("Lake batch {} was interrupted by a stop; its staged rows were discarded", batch.batchId());
        }
    }
}
