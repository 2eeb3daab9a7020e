package cn.govdata.security;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which {@link AddressAttemptLimit} a node uses: on PostgreSQL, where several nodes may share the database, the
 * one counted in the database; on the embedded H2 database (one node) the one in memory.
 */
@Configuration(proxyBeanMethods = false)
class AddressAttemptLimits {

    @Bean
    AddressAttemptLimit addressAttemptLimit(AddressAttemptSettings settings, DataSourceProperties properties,
            DataSource dataSource) {
        // the application's pool is built from these properties, so their URL tells the database
        return properties.determineUrl().startsWith("jdbc:postgresql:")
                ? new DatabaseAddressAttemptLimit(settings, dataSource)
                : new InMemoryAddressAttemptLimit(settings);
    }
}
