package cn.govdata.share.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.shared.replica.ReplicaReads;

/**
 * With a streaming replica configured (issue #16), a whole exchange reads it and an exchange since a cursor reads
 * the primary; the answers are the same. The test's "replica" is the test database itself behind the replica's own
 * pool, so what shows the routing is that pool's connections: none before, one after a whole export.
 */
// a context no other test shares: closed after the class rather than kept among the cached ones
@DirtiesContext
@TestPropertySource(properties = { "govdata.datasource.replica.url=${spring.datasource.url}",
        "govdata.datasource.replica.username=${spring.datasource.username:}",
        "govdata.datasource.replica.password=${spring.datasource.password:}" })
class WholeExportsOnReplicaApiTest extends GrantedDataFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-replica-exports-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    @Autowired
    ReplicaReads replica;

    @BeforeEach
    void setUp() {
        setUpData("交换系统（只读副本）");
        grantId = narrowedGrant(entryId, systemId, List.of("EXCHANGE"), Map.of("dailyQuota", 1000));
    }

    @Test
    void aWholeExchangeReadsTheReplicaAndAnExchangeSinceACursorThePrimary() throws Exception {
        assertThat(replica.onReplica()).isTrue();
        HikariDataSource pool = (HikariDataSource) replica.dataSource();

        pool.getHikariPoolMXBean().softEvictConnections();
        HttpResponse<String> whole = exchange(system, "since=0&format=JSON_LINES");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        assertThat(whole.body().lines()).hasSize(2);
        assertThat(whole.body()).doesNotContain(ZHANG, LI, "张三", "李四", "王五");
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).as("the replica's pool was used").isPositive();

        load("gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三丰,370602,芝罘区幸福路1号\n");
        pool.getHikariPoolMXBean().softEvictConnections();
        HttpResponse<String> changed = exchange(system, "since=" + whole.headers().firstValue("X-Cursor").orElseThrow()
                + "&format=JSON_LINES");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body().lines()).hasSize(1);
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).as("the primary answered").isZero();
        assertThat(audit("share.data.exchange", entryId)).hasSize(2);
    }
}
