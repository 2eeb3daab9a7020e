package cn.govdata.open.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Emergency data (OPN-7), through HTTP: the authority flags an open dataset; it is pinned on the portal's list and
 * first in search, the lake's on-time check follows the raised cycle, and its change feed lists the flag and the
 * next update of its data; lifting the flag restores the order and the cycle. Only the authority flags; bad input
 * gets problems; no answer holds a personal value.
 */
class EmergencyApiTest extends OpenFixtures {

    private static final String CONSOLE = "/api/v1/open/emergencies";

    private Opened flooded;
    private Opened newer;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        flooded = openedOffices(6);
        newer = openedOffices(3);
    }

    private Map<String, Object> flag(String dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", dataset);
        body.put("reason", "防汛应急：社区警务室值守信息需每日更新");
        body.put("until", today().plusDays(20).toString());
        body.put("updateCycle", "DAILY");
        return body;
    }

    private JsonNode lakeStatus(long entryId) {
        for (JsonNode status : provider.get("/api/v1/lake/status").json()) {
            if (status.get("entryId").asLong() == entryId) {
                return status;
            }
        }
        throw new AssertionError("no lake status for entry " + entryId);
    }

    private List<String> searchOrder() {
        List<String> ids = new ArrayList<>();
        ckan("package_search?rows=1000").get("results").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    @Test
    void aFlaggedDatasetIsPinnedKeptToARaisedCycleAndFollowedByItsFeedUntilLifted() throws InterruptedException {
        assertThat(lakeStatus(flooded.entryId()).get("updateCycle").asString()).isEqualTo("MONTHLY");
        LocalDate monthlyDue = LocalDate.parse(lakeStatus(flooded.entryId()).get("dueOn").asString());
        assertThat(searchOrder().indexOf(newer.packageId())).isLessThan(searchOrder().indexOf(flooded.packageId()));

        assertThat(provider.post(CONSOLE, flag(flooded.name())).status()).as("only the authority").isEqualTo(403);
        Api.Response flagged = reviewer.post(CONSOLE, flag(flooded.name()));
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
        long id = flagged.id();
        assertThat(reviewer.post(CONSOLE, flag(flooded.packageId())).code()).as("once").isEqualTo("CONFLICT");

        JsonNode pinned = anonymous.get("/api/v1/public/emergency").json();
        assertThat(Api.texts(pinned, "packageId")).contains(flooded.packageId()).doesNotContain(newer.packageId());
        JsonNode mine = null;
        for (JsonNode e : pinned) {
            if (e.get("packageId").asString().equals(flooded.packageId())) {
                mine = e;
            }
        }
        assertThat(mine.get("reason").asString()).startsWith("防汛应急");
        assertThat(mine.get("departmentName").asString()).isEqualTo(police.department().name());
        assertThat(mine.get("feedUrl").asString()).startsWith("http").endsWith("/api/v1/public/feeds/" + flooded.name());
        assertThat(searchOrder().get(0)).as("pinned first in search").isEqualTo(flooded.packageId());

        JsonNode status = lakeStatus(flooded.entryId());
        assertThat(status.get("updateCycle").asString()).as("the lake follows the raised cycle").isEqualTo("DAILY");
        assertThat(LocalDate.parse(status.get("dueOn").asString())).isBefore(monthlyDue);

        long lakeDataset = status.get("datasetId").asLong();
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + lakeDataset + "/batches?wait=true", "file",
                "data.csv", "text/csv", officesCsv(8, new ArrayList<>()).getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        // the feed records a data update when the lake's change event reaches it, which is after the batch returns
        Api.Response feed = anonymous.get("/api/v1/public/feeds/" + flooded.name());
        for (int tries = 0; tries < 50 && feed.status() == 200 && !feed.body().contains("数据已更新"); tries++) {
            Thread.sleep(200);
            feed = anonymous.get("/api/v1/public/feeds/" + flooded.name());
        }
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.contentType()).contains("application/feed+json");
        assertThat(feed.json().get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        JsonNode items = feed.json().get("items");
        assertThat(items.get(0).get("title").asString()).isEqualTo("数据已更新");
        assertThat(items.get(0).get("content_text").asString()).contains("条记录");
        assertThat(items.get(1).get("title").asString()).isEqualTo("列为应急数据");
        assertThat(anonymous.get("/api/v1/public/feeds/" + flooded.packageId()).status()).as("by id too")
                .isEqualTo(200);

        Api.Response lifted = reviewer.post(CONSOLE + "/" + id + "/lift", Map.of("reason", "汛期结束"));
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("inForce").asBoolean()).isFalse();
        assertThat(reviewer.post(CONSOLE + "/" + id + "/lift", Map.of()).code()).isEqualTo("CONFLICT");
        assertThat(Api.texts(anonymous.get("/api/v1/public/emergency").json(), "packageId"))
                .doesNotContain(flooded.packageId());
        assertThat(searchOrder().indexOf(newer.packageId())).as("the order restored")
                .isLessThan(searchOrder().indexOf(flooded.packageId()));
        assertThat(lakeStatus(flooded.entryId()).get("updateCycle").asString()).isEqualTo("MONTHLY");
        assertThat(anonymous.get("/api/v1/public/feeds/" + flooded.name()).json().get("items").get(0).get("title")
                .asString()).isEqualTo("解除应急数据");
        assertThat(Api.texts(reviewer.get(CONSOLE).json(), "id")).contains(String.valueOf(id));
    }

    @Test
    void badInputGetsProblemsAndNoAnswerHoldsAPersonalValue() {
        Map<String, Object> body = flag(flooded.name());
        body.put("until", today().minusDays(1).toString());
        assertProblem(reviewer.post(CONSOLE, body), 400, "INVALID_VALUE");
        body = flag(flooded.name());
        body.put("updateCycle", "MONTHLY");
        assertProblem(reviewer.post(CONSOLE, body), 400, "INVALID_VALUE");
        body = flag(flooded.name());
        body.put("reason", "");
        assertProblem(reviewer.post(CONSOLE, body), 400, "FIELD_REQUIRED");
        body = flag(flooded.name());
        body.put("until", "tomorrow");
        assertThat(reviewer.post(CONSOLE, body).status()).isEqualTo(400);
        assertProblem(reviewer.post(CONSOLE, flag("no-such-dataset")), 404, "NOT_FOUND");
        assertProblem(reviewer.post(CONSOLE + "/999999999/lift", Map.of()), 404, "NOT_FOUND");
        assertProblem(anonymous.get("/api/v1/public/feeds/no-such-dataset"), 404, "NOT_FOUND");
        assertThat(anonymous.get(CONSOLE).status()).isEqualTo(401);

        Api.Response flagged = reviewer.post(CONSOLE, flag(newer.name()));
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
        try {
            List<String> answers = List.of(flagged.body(), anonymous.get("/api/v1/public/emergency").body(),
                    anonymous.get("/api/v1/public/feeds/" + newer.name()).body(), reviewer.get(CONSOLE).body());
            for (String answer : answers) {
                assertThat(answer).contains("防汛应急");
                for (String value : newer.personalValues()) {
                    assertThat(answer).as("a value as stored in an answer").doesNotContain(value);
                }
            }
        } finally {
            reviewer.post(CONSOLE + "/" + flagged.id() + "/lift", Map.of());
        }
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
