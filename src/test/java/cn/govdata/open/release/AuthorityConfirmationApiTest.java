package cn.govdata.open.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;

/**
 * Where the region's text has the data authority open the data (Fuzhou, FZ14/FZ15: 市数字办 compiles the open
 * catalog with the departments and opens the data), an opening waits for the authority's confirmation, invisible
 * to the public until then; the authority confirms or refuses with a reason.
 */
@TestPropertySource(properties = "govdata.policy=fuzhou")
class AuthorityConfirmationApiTest extends OpenFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-open-fuzhou-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    @BeforeEach
    void setUp() {
        setUpOpenData();
    }

    @Test
    void anOpeningWaitsForTheAuthorityWhichConfirmsOrRefusesWithItsReason() {
        long entryId = publishedWithRecords(policeOffices(), officesCsv(3, new ArrayList<>()));
        assertThat(provider.get("/api/v1/open/entries/" + entryId + "/check").json().get("authorityConfirms").asBoolean())
                .isTrue();

        Api.Response asked = provider.post("/api/v1/open/datasets", openRequest(entryId, officeRules()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.text("state")).isEqualTo("AWAITING_CONFIRMATION");
        long id = asked.id();
        assertThat(anonymous.get("/api/3/action/package_show?id=" + asked.text("packageId")).status()).isEqualTo(404);
        assertThat(provider.post("/api/v1/open/datasets/" + id + "/confirm", Map.of()).status())
                .as("the provider does not confirm its own opening").isEqualTo(403);
        assertThat(reviewer.get("/api/v1/open/datasets?state=AWAITING_CONFIRMATION").body()).contains(asked.text("packageId"));

        Api.Response confirmed = reviewer.post("/api/v1/open/datasets/" + id + "/confirm", Map.of("note", "同意开放"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("state")).isEqualTo("OPEN");
        assertThat(confirmed.text("decidedBy")).isNotBlank();
        assertThat(ckan("package_show?id=" + asked.text("packageId")).get("extras").toString()).contains("普遍开放");
        Api.Response again = reviewer.post("/api/v1/open/datasets/" + id + "/confirm", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("OPEN_STATE");

        long other = publishedWithRecords(policeOffices(), officesCsv(2, new ArrayList<>()));
        long otherId = provider.post("/api/v1/open/datasets", openRequest(other, officeRules())).id();
        assertThat(reviewer.post("/api/v1/open/datasets/" + otherId + "/reject", Map.of()).status()).isEqualTo(400);
        Api.Response refused = reviewer.post("/api/v1/open/datasets/" + otherId + "/reject",
                Map.of("reason", "开放范围须与市数字办开放目录一致"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.text("state")).isEqualTo("REJECTED");
        assertThat(refused.text("decisionNote")).contains("开放目录");
        assertThat(anonymous.get("/api/3/action/package_show?id=" + refused.text("packageId")).status()).isEqualTo(404);
        assertThat(ckan("package_search?include_deleted=true&fq=" + encode("id:" + refused.text("packageId")))
                .get("count").asInt()).as("never open, so never heard of").isZero();
    }
}
