package cn.govdata.open.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/demo}'s open data, on a database of its own as on a first start: several unconditionally open datasets
 * with records — the police offices with more than a hundred, whose officers' mobiles and ID numbers come out
 * desensitised — and one open on application.
 */
@TestPropertySource(properties = { "govdata.demo=true",
        "spring.datasource.url=jdbc:h2:mem:govdata-open-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class OpenDemoDataTest extends ApiIntegrationTest {

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-open-demo-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    @Test
    void theDemoOpensDatasetsWithDesensitisedRecordsAndOneOnApplication() {
        JsonNode all = anonymous.get("/api/3/action/package_search?rows=100").json().get("result");
        assertThat(all.get("count").asInt()).isGreaterThanOrEqualTo(4);
        List<String> types = new ArrayList<>();
        JsonNode offices = null;
        for (JsonNode p : all.get("results")) {
            p.get("extras").forEach(e -> {
                if (e.get("key").asString().equals("open_type_code")) {
                    types.add(e.get("value").asString());
                }
            });
            if (p.get("title").asString().equals("社区警务室信息")) {
                offices = p;
            }
        }
        assertThat(types).contains("OPEN", "CONDITIONAL_OPEN");
        assertThat(offices).isNotNull();
        Api.Response records = anonymous.get("/api/3/action/datastore_search?limit=3&resource_id="
                + offices.get("resources").get(0).get("id").asString());
        JsonNode result = records.json().get("result");
        assertThat(result.get("total").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(result.get("records").get(0).get("phone").asString()).matches("139\\*{4}\\d{4}");
        assertThat(result.get("records").get(0).get("officer_id").asString()).matches("370602\\*{8}\\d{3}[\\dX]");
        assertThat(result.get("records").get(0).get("officer").asString()).contains("*");
    }
}
