package cn.govdata.shared.replica;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Makes {@link ReplicaReads}: a small read-only pool of its own on the replica when one is configured, else the
 * application's pool. The replica's pool is no {@code DataSource} bean, so that Spring Boot's primary one, its
 * Flyway and its transactions stay as they are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaSettings.class)
class ReplicaConfiguration {

    @Bean
    ReplicaReads replicaReads(ReplicaSettings settings, DataSourceProperties primary, DataSource primaryPool) {
        return blank(settings.url()) ? new ReplicaReads(primaryPool) : new ReplicaReads(replicaPool(settings, primary));
    }

    private static HikariDataSource replicaPool(ReplicaSettings settings, DataSourceProperties primary) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(settings.url());
        config.setUsername(blank(settings.username()) ? primary.determineUsername() : settings.username());
        config.setPassword(blank(settings.password()) ? primary.determinePassword() : settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        // a replica that is down must not keep the node from starting: its first use fails instead
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
