package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import cn.govdata.open.OpenFixtures;
import cn.govdata.shared.CacheDrops;

/**
 * Several nodes against one PostgreSQL database, each with its own open-data index: an opening here is announced
 * to the other nodes when it commits ({@code open.dataset <ids>}), and a dataset withdrawn on another node leaves
 * this node's index as soon as that node's notice arrives. The other node is simulated: its withdrawal is an update
 * behind this node's back, its notice a {@code pg_notify} from a connection of its own. Only on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class PackageIndexAcrossNodesTest extends OpenFixtures {

    @Autowired
    PackageSearch search;
    @Autowired
    PackageIndex index;
    @Autowired
    CacheDrops cacheDrops;
    @Autowired
    DataSourceProperties dataSource;

    @BeforeEach
    void setUp() throws InterruptedException {
        setUpOpenData();
        assertThat(index.awaitReady(Duration.ofSeconds(120))).as("the index was built at start").isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cacheDrops.listening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(cacheDrops.listening()).as("this node listens for other nodes' notices").isTrue();
    }

    @Test
    void anOpeningHereIsAnnouncedAndAWithdrawalElsewhereLeavesThisNodesIndex() throws Exception {
        Opened opened;
        try (Connection otherNode = connect()) {
            try (Statement listen = otherNode.createStatement()) {
                listen.execute("LISTEN govdata_cache_drop");
            }
            opened = openedOffices(2);
            List<String> heard = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (heard.stream().noneMatch(n -> n.matches("open\\.dataset \\S+ (\\d+,)*" + opened.id() + "(,\\d+)*"))
                    && System.nanoTime() < deadline) {
                PGNotification[] notifications = otherNode.unwrap(PGConnection.class).getNotifications(200);
                for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                    heard.add(notification.getParameter());
                }
            }
            assertThat(heard).as("the other nodes hear of the opened dataset")
                    .anyMatch(n -> n.matches("open\\.dataset \\S+ (\\d+,)*" + opened.id() + "(,\\d+)*"));
        }
        PackageSearch.Query byName = new PackageSearch.Query(null, List.of("name:" + opened.name()), List.of(), 10, 0,
                List.of(), 50, 1, false);
        assertThat(search.search(byName, PackageSearch.Way.INDEX).count()).isEqualTo(1);

        try (Connection otherNode = connect()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement withdraw = otherNode.prepareStatement(
                    "update open_dataset set state = 'WITHDRAWN', public_state = 'deleted' where id = ?");
                    PreparedStatement notify = otherNode.prepareStatement(
                            "select pg_notify('govdata_cache_drop', 'open.dataset othernode ' || ?)")) {
                withdraw.setLong(1, opened.id());
                withdraw.executeUpdate();
                notify.setString(1, Long.toString(opened.id()));
                notify.execute();
            }
            otherNode.commit();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (search.search(byName, PackageSearch.Way.INDEX).count() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(search.search(byName, PackageSearch.Way.INDEX).count())
                .as("gone from this node's index once the other node told").isZero();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
    }
}
