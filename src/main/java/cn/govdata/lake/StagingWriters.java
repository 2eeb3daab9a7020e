package cn.govdata.lake;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import cn.govdata.lake.Dataset.Column;

/** Opens the staging writer for a batch: JDBC batches on every database. */
@Component
class StagingWriters {

    private final DataSource dataSource;

    StagingWriters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    StagingWriter open(String table, List<Column> columns, long batchId) {
        return new JdbcStagingWriter(dataSource, table, columns, batchId);
    }
}
