package cn.govdata.shared.jdbc;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, a JDBC batch of inserts travels as multi-row inserts (the driver's {@code reWriteBatchedInserts})
 * instead of one insert per row: the usage records of the sharing interfaces, pushed records' staging and the
 * supervision facts are written in batches, and each row's own round of parse, plan and execute was most of their
 * cost. The batch's update counts are then unknown (no caller reads them). H2 takes no such setting.
 */
@Component
public class BatchedInserts implements BeanPostProcessor {

    static final String SETTING = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    /** For a pool that is no bean (the audit log's writer): the same, before its first connection. */
    public static void apply(HikariDataSource pool) {
        if (pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty(SETTING, "true");
        }
    }
}
