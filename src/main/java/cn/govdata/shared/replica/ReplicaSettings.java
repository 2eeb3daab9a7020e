package cn.govdata.shared.replica;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming replica that reads tolerating lag may use ({@link ReplicaReads}); none when {@code url} is blank.
 *
 * @param url a JDBC URL of the replica, e.g. {@code jdbc:postgresql://db-replica:5432/govdata}
 * @param username the replica's login; blank for the primary's ({@code spring.datasource.username})
 * @param password its password; blank for the primary's
 * @param maximumPoolSize connections to the replica per node: its readers are few and long
 */
@ConfigurationProperties("govdata.datasource.replica")
record ReplicaSettings(String url, String username, String password, @DefaultValue("4") int maximumPoolSize) {
}
