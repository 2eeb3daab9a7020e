package cn.govdata.share.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The usage records (SEC-2) through HTTP: after the civil affairs bureau's system and data user used the
 * police's data, the consumer sees its own use, the provider who used its data, the authority the region's —
 * per grant and day with totals, and use by use — and nobody sees a value of a record.
 */
class ShareUsageApiTest extends GrantedDataFixtures {

    @BeforeEach
    void setUp() {
        setUpGrantedData();
    }

    /** Four uses: three by the system through the API (1 + 1 + 2 records), one by the data user in the console. */
    private void useTheData() {
        assertThat(verify(system, ZHANG, Map.of("xm", "张三")).status()).isEqualTo(200);
        assertThat(query(system, Map.of("key", Map.of("gmsfhm", LI))).status()).isEqualTo(200);
        assertThat(query(system, Map.of("filters", List.of(Map.of("item", "xzqh", "match", "STARTS_WITH",
                "value", "3706")), "items", List.of("xm"))).json().get("total").asLong()).isEqualTo(2);
        assertThat(verify(civilUser.api(), LI, Map.of("xm", "李四", "xzqh", "370602")).status()).isEqualTo(200);
    }

    private JsonNode day(Api api, String side) {
        Api.Response report = api.get("/api/v1/share/usage?side=" + side);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return byGrant(report.json().get("days"));
    }

    private JsonNode byGrant(JsonNode days) {
        for (JsonNode day : days) {
            if (day.get("grantId").asLong() == grantId) {
                return day;
            }
        }
        return null;
    }

    @Test
    void eachSideSeesTheUsePerGrantAndDayWithItsRequestsRecordsWaysAndPurpose() {
        useTheData();
        JsonNode own = day(civilUser.api(), "CONSUMER");
        assertThat(own).isNotNull();
        assertThat(own.get("day").asString()).isEqualTo(today().toString());
        assertThat(own.get("requests").asLong()).isEqualTo(4);
        assertThat(own.get("records").asLong()).isEqualTo(5);
        assertThat(own.get("resourceCode").asString()).isNotBlank();
        assertThat(own.get("entryId").asLong()).isEqualTo(entryId);
        assertThat(own.get("providerDepartmentName").asString()).isEqualTo(police.department().name());
        assertThat(own.get("consumerDepartmentName").asString()).isEqualTo(civil.name());
        assertThat(strings(own.get("ways"))).containsExactly("VERIFICATION", "QUERY");
        assertThat(own.get("purpose").asString()).isEqualTo("核查最低生活保障申请人的身份和户籍");

        // the provider's users see who used their data; the report's totals add its days up
        Api.Response provider = policeApprover.get("/api/v1/share/usage?side=PROVIDER");
        assertThat(byGrant(provider.json().get("days")).get("records").asLong()).isEqualTo(5);
        JsonNode totals = provider.json().get("totals");
        long records = 0;
        for (JsonNode day : provider.json().get("days")) {
            records += day.get("records").asLong();
        }
        assertThat(totals.get("records").asLong()).isEqualTo(records);
        assertThat(totals.get("consumers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(day(police.api(), "PROVIDER")).isNotNull();

        // the authority sees the region's use; a department neither provider nor consumer sees none of it
        assertThat(day(authorityApprover, "AUTHORITY").get("requests").asLong()).isEqualTo(4);
        assertThat(day(stranger, "PROVIDER")).isNull();
        assertThat(day(stranger, "CONSUMER")).isNull();
        assertThat(day(policeApprover, "CONSUMER")).isNull();

        // another period, and the refusals
        Api.Response tomorrow = civilUser.api().get("/api/v1/share/usage?from=" + today().plusDays(1) + "&to="
                + today().plusDays(2));
        assertThat(tomorrow.json().get("days").isEmpty()).isTrue();
        assertThat(tomorrow.json().get("totals").get("requests").asLong()).isZero();
        Api.Response authority = civilUser.api().get("/api/v1/share/usage?side=AUTHORITY");
        assertThat(authority.status()).isEqualTo(403);
        assertThat(authority.code()).isEqualTo("FORBIDDEN");
        Api.Response backwards = civilUser.api().inLanguage("zh-CN").get("/api/v1/share/usage?from=" + today() + "&to="
                + today().minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("INVALID_VALUE");
        assertThat(backwards.text("detail")).contains("起始日期");
        assertThat(civilUser.api().inLanguage("en").get("/api/v1/share/usage?from=2026-13-01").text("detail"))
                .contains("start date");
        assertThat(civilUser.api().get("/api/v1/share/usage?from=" + today().minusDays(400)).code())
                .isEqualTo("INVALID_VALUE");
        assertThat(civilUser.api().get("/api/v1/share/usage?side=EVERYONE").code()).isEqualTo("INVALID_VALUE");
        assertThat(system.get("/api/v1/share/usage").status()).isEqualTo(403);
    }

    @Test
    void theUsesOfAGrantShowWhoHowAndHowManyButNeverAValue() {
        useTheData();
        Api.Response uses = civilUser.api().get("/api/v1/share/usage/uses?grantId=" + grantId);
        assertThat(uses.status()).as(uses.body()).isEqualTo(200);
        JsonNode list = uses.json().get("uses");
        assertThat(list).hasSize(4);
        assertThat(uses.json().get("purpose").asString()).isEqualTo("核查最低生活保障申请人的身份和户籍");

        // newest first: the data user's verification in the console
        JsonNode console = list.get(0);
        assertThat(console.get("actorKind").asString()).isEqualTo("USER");
        assertThat(console.get("actor").asString()).isEqualTo(civilUser.username());
        assertThat(console.get("medium").asString()).isEqualTo("CONSOLE");
        assertThat(console.get("way").asString()).isEqualTo("VERIFICATION");
        assertThat(console.get("records").asLong()).isEqualTo(1);
        assertThat(console.get("requests").asLong()).isEqualTo(1);
        assertThat(strings(console.get("items"))).containsExactlyInAnyOrder("xm", "xzqh");
        assertThat(console.get("query").asString()).isEqualTo("key [gmsfhm]");

        JsonNode filtered = list.get(1);
        assertThat(filtered.get("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(filtered.get("actorId").asLong()).isEqualTo(systemId);
        assertThat(filtered.get("medium").asString()).isEqualTo("API");
        assertThat(filtered.get("way").asString()).isEqualTo("QUERY");
        assertThat(filtered.get("records").asLong()).isEqualTo(2);
        assertThat(filtered.get("query").asString()).contains("xzqh STARTS_WITH").doesNotContain("3706");
        assertThat(list.get(3).get("way").asString()).isEqualTo("VERIFICATION");
        assertThat(uses.body()).doesNotContain(ZHANG, LI, "张三", "李四", "3706", "幸福路");

        // the provider and the authority see them too; limit; anyone else 404, a system 403
        assertThat(policeApprover.get("/api/v1/share/usage/uses?grantId=" + grantId + "&limit=2").json().get("uses"))
                .hasSize(2);
        LoggedIn authorityClerk = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        assertThat(authorityClerk.api().get("/api/v1/share/usage/uses?grantId=" + grantId).json().get("uses")).hasSize(4);
        assertThat(stranger.get("/api/v1/share/usage/uses?grantId=" + grantId).status()).isEqualTo(404);
        assertThat(system.get("/api/v1/share/usage/uses?grantId=" + grantId).status()).isEqualTo(403);
        assertThat(civilUser.api().get("/api/v1/share/usage/uses?grantId=" + grantId + "&limit=0").code())
                .isEqualTo("INVALID_VALUE");
        assertThat(civilUser.api().get("/api/v1/share/usage/uses?grantId=99999999").status()).isEqualTo(404);
    }

    @Test
    void eachRecordNamesWhoApprovedItsGrantOrThatTheCatalogAllowedItAndNoViewCarriesAValue() {
        useTheData();
        String login = civilUser.api().get("/api/v1/share/grants/" + grantId).text("approvedBy");
        assertThat(civilUser.api().get("/api/v1/share/grants/" + grantId).text("approverName")).isEqualTo("测试用户");
        Api.Response report = civilUser.api().get("/api/v1/share/usage?side=CONSUMER");
        assertThat(byGrant(report.json().get("days")).get("approver").asString()).as("the approver's name, not " + login)
                .isEqualTo("测试用户");
        Api.Response provided = policeApprover.get("/api/v1/share/usage?side=PROVIDER");
        assertThat(byGrant(provided.json().get("days")).get("approver").asString()).isEqualTo("测试用户");
        Api.Response uses = civilUser.api().get("/api/v1/share/usage/uses?grantId=" + grantId);
        assertThat(uses.text("approver")).isEqualTo("测试用户");
        for (Api.Response view : List.of(report, provided, uses,
                authorityApprover.get("/api/v1/share/usage?side=AUTHORITY"))) {
            assertThat(view.body()).doesNotContain(ZHANG, LI, "张三", "李四", "张*", "李*", "3706", "幸福路");
        }

        // unconditional data: approved by nobody in person, but by its publication in the catalog
        long open = entry("UNCONDITIONAL");
        long dataset = policeProvider.post("/api/v1/lake/datasets", Map.of("entryId", open)).id();
        assertThat(policeProvider.upload("/api/v1/lake/datasets/" + dataset + "/batches?wait=true", "file", "人口.csv",
                "text/csv", ("gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三,370602,芝罘区幸福路1号\n")
                        .getBytes(StandardCharsets.UTF_8)).text("status")).isEqualTo("APPLIED");
        Api.Response requested = civilUser.api().post("/api/v1/share/requests", Map.of("entryId", open,
                "purpose", "核对申请人身份", "ways", List.of("VERIFICATION")));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        long openGrant = requested.id();
        assertThat(civilUser.api().post("/api/v1/share/data/" + open + "/verification", Map.of("key",
                Map.of("gmsfhm", ZHANG), "claims", Map.of("xm", "张三"))).status()).isEqualTo(200);
        JsonNode unconditional = null;
        for (JsonNode day : civilUser.api().get("/api/v1/share/usage?side=CONSUMER").json().get("days")) {
            if (day.get("grantId").asLong() == openGrant) {
                unconditional = day;
            }
        }
        assertThat(unconditional).isNotNull();
        assertThat(unconditional.get("approver").asString()).isEqualTo("无条件共享，目录发布即批准");
        assertThat(civilUser.api().inLanguage("en").get("/api/v1/share/usage/uses?grantId=" + openGrant)
                .text("approver")).contains("catalog");
    }

    @Test
    void identicalUsesAreEachCountedWhenTheirRowsSumThem() {
        for (int i = 0; i < 5; i++) {
            assertThat(verify(system, ZHANG, Map.of("xm", "张三")).status()).isEqualTo(200);
        }
        JsonNode list = civilUser.api().get("/api/v1/share/usage/uses?grantId=" + grantId).json().get("uses");
        // written a quarter of a second at a time: the five land in one to five rows, which sum to five
        assertThat(list.size()).isBetween(1, 5);
        long requests = 0;
        long records = 0;
        for (JsonNode use : list) {
            assertThat(use.get("way").asString()).isEqualTo("VERIFICATION");
            assertThat(use.get("query").asString()).isEqualTo("key [gmsfhm]");
            assertThat(java.time.OffsetDateTime.parse(use.get("firstAt").asString()))
                    .isBeforeOrEqualTo(java.time.OffsetDateTime.parse(use.get("at").asString()));
            requests += use.get("requests").asLong();
            records += use.get("records").asLong();
        }
        assertThat(requests).isEqualTo(5);
        assertThat(records).isEqualTo(5);
        assertThat(day(civilUser.api(), "CONSUMER").get("requests").asLong()).isEqualTo(5);
    }

    @Test
    void aRefusedUseIsNotAUse() {
        assertThat(verify(system, ZHANG, Map.of("zz", "芝罘区幸福路1号")).code()).isEqualTo("GRANT_DOES_NOT_COVER");
        assertThat(civilUser.api().get("/api/v1/share/usage/uses?grantId=" + grantId).json().get("uses")).isEmpty();
        assertThat(day(civilUser.api(), "CONSUMER")).isNull();
    }
}
