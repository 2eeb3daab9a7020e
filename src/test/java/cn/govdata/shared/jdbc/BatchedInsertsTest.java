package cn.govdata.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

class BatchedInsertsTest {

    @Test
    void postgresqlPoolsSendBatchesAsMultiRowInsertsAndH2PoolsAreLeftAlone() {
        try (HikariDataSource postgresql = new HikariDataSource(); HikariDataSource h2 = new HikariDataSource()) {
            postgresql.setJdbcUrl("jdbc:postgresql://localhost:5432/govdata");
            h2.setJdbcUrl("jdbc:h2:mem:x");
            new BatchedInserts().postProcessBeforeInitialization(postgresql, "dataSource");
            new BatchedInserts().postProcessBeforeInitialization(h2, "dataSource");
            assertThat(postgresql.getDataSourceProperties()).containsEntry(BatchedInserts.SETTING, "true");
            assertThat(h2.getDataSourceProperties()).doesNotContainKey(BatchedInserts.SETTING);
        }
    }
}
