package cn.govdata.share.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;

/**
 * Sharing reads the lake's sealed personal information (SEC-4, SEC-8) as plain values, then masks them by the grant
 * as before: the police's register is sealed in its tables, yet a verification by ID number matches the name and a
 * query by key answers the record, masked.
 */
class SealedSharingApiTest extends GrantedDataFixtures {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void sealedValuesAreVerifiedAndQueriedByKeyThroughAGrant() {
        setUpGrantedData();
        List<Map<String, Object>> stored = jdbc.sql("select record_key, c_gmsfhm, c_xm, c_xzqh from lake_ds_" + datasetId)
                .query().listOfRows();
        assertThat(stored).hasSize(3).allSatisfy(row -> {
            assertThat((String) row.get("record_key")).matches("k:[0-9a-f]{64}");
            assertThat((String) row.get("c_gmsfhm")).matches("[0-9]+:[A-Za-z0-9+/=]+");
            assertThat((String) row.get("c_xm")).matches("[0-9]+:[A-Za-z0-9+/=]+");
            assertThat((String) row.get("c_xzqh")).matches("3706[0-9]{2}");  // not personal information: as sent
        });
        assertThat(stored.toString()).doesNotContain(ZHANG, LI, "张三", "李四");

        Api.Response verified = verify(system, ZHANG, Map.of("xm", "张三"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("items").get("xm").asString()).isEqualTo("MATCH");
        assertThat(verify(system, LI, Map.of("xm", "李思")).json().get("items").get("xm").asString())
                .isEqualTo("NO_MATCH");

        Api.Response byKey = query(system, Map.of("key", Map.of("gmsfhm", LI)));
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(200);
        assertThat(byKey.json().get("total").asLong()).isEqualTo(1);
        var values = byKey.json().get("records").get(0).get("values");
        assertThat(values.get("gmsfhm").asString()).matches("370602\\*{8}\\d{3}[\\dX]").endsWith(LI.substring(14));
        assertThat(values.get("xm").asString()).isEqualTo("李*");
        assertThat(values.get("xzqh").asString()).isEqualTo("370602");
    }
}
