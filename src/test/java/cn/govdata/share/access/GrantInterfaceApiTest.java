package cn.govdata.share.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Each dataset's interface described in OpenAPI for the caller's grant (SHR-5): the civil affairs bureau's
 * developer sees exactly what its grant lets it call — verification and query (not exchange, not granted), the
 * three granted items (not the address it applied for), their Chinese names, types and masking, the record key,
 * the district the grant is limited to and its limits. Without a grant, the interfaces' refusals. (With a grant
 * for subscription: {@code subscription.SubscriptionInterfaceApiTest}.)
 */
class GrantInterfaceApiTest extends GrantedDataFixtures {

    private static final List<String> GRANTED = List.of("gmsfhm", "xm", "xzqh");

    private String path;

    @BeforeEach
    void setUp() {
        setUpGrantedData();
        path = "/api/v1/share/data/" + entryId + "/openapi.json";
    }

    @Test
    void theDocumentDescribesTheGrantedOperationsAndExactlyTheGrantedItems() throws Exception {
        Api.Response described = system.get(path);
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.contentType()).startsWith("application/json");

        // an OpenAPI 3.0 document as a standard parser reads it
        OpenAPI openapi = Json.mapper().readValue(described.body(), OpenAPI.class);
        assertThat(openapi.getOpenapi()).isEqualTo("3.0.3");
        String base = "/api/v1/share/data/" + entryId;
        assertThat(openapi.getPaths()).containsOnlyKeys(base + "/verification", base + "/query");
        assertThat(openapi.getPaths().get(base + "/verification").getPost().getOperationId()).isEqualTo("verify");
        assertThat(openapi.getPaths().get(base + "/query").getPost().getOperationId()).isEqualTo("query");
        assertThat(openapi.getComponents().getSecuritySchemes().get("clientCredentials").getFlows()
                .getClientCredentials().getTokenUrl()).isEqualTo("/oauth2/token");
        Map<String, Schema> schemas = openapi.getComponents().getSchemas();
        String suffix = "_" + grantId;
        Schema<?> values = (Schema<?>) schemas.get("Record" + suffix).getProperties().get("values");
        assertThat(values.getProperties()).containsOnlyKeys(GRANTED.toArray(String[]::new));
        assertThat(schemas.get("Claims" + suffix).getProperties()).containsOnlyKeys(GRANTED.toArray(String[]::new));
        assertThat(schemas.get("RecordKey").getRequired()).containsExactly("gmsfhm");
        assertThat(described.body()).doesNotContain("\"zz\"", "住址");

        // each granted item: its Chinese name, its catalog data type and length, its masking rule
        JsonNode record = described.json().get("components").get("schemas").get("Record" + suffix);
        JsonNode id = record.get("properties").get("values").get("properties").get("gmsfhm");
        assertThat(id.get("type").asString()).isEqualTo("string");
        assertThat(id.get("description").asString()).contains("公民身份号码", "字符型", "18", "保留前 6 位和后 4 位");
        assertThat(id.get("x-data-type").asString()).isEqualTo("CHARACTER");
        assertThat(id.get("x-masking").asString()).isEqualTo("ID_NUMBER");
        JsonNode name = record.get("properties").get("values").get("properties").get("xm");
        assertThat(name.get("description").asString()).startsWith("姓名");
        assertThat(name.get("x-masking").asString()).isEqualTo("NAME");
        JsonNode query = described.json().get("components").get("schemas").get("QueryRequest" + suffix);
        assertThat(strings(query.get("properties").get("items").get("items").get("enum")))
                .containsExactlyElementsOf(GRANTED);
        assertThat(query.get("properties").get("size").get("maximum").asInt()).isEqualTo(SharedData.MAX_PAGE);
        JsonNode verification = described.json().get("paths").get(base + "/verification").get("post");
        assertThat(verification.get("x-grant-id").asLong()).isEqualTo(grantId);
        assertThat(verification.get("responses").has("403")).isTrue();
        assertThat(verification.get("responses").has("429")).isTrue();

        // the row filter and the limits in the description
        String description = openapi.getInfo().getDescription();
        assertThat(description).contains("授权 #" + grantId, "行政区划代码（xzqh）开头为 370602", "每秒 5 次请求", "每日（北京时间）1000 条记录",
                "核查最低生活保障申请人的身份和户籍", "gmsfhm（公民身份号码）");
        assertThat(openapi.getInfo().getTitle()).contains("共享数据接口");

        // the data user of the department gets the same operations in the console
        assertThat(civilUser.api().get(path).json().get("paths").size()).isEqualTo(2);

        // subscription is not granted: neither its registration nor its push is described
        assertThat(described.body()).doesNotContain("/api/v1/share/subscriptions", "callbacks", "X-Govdata-");
        assertThat(schemas).doesNotContainKeys("NewSubscription" + suffix, "DeliveryPage" + suffix, "Subscription");
    }

    @Test
    void withoutAUsableGrantTheInterfacesRefusalsAnswer() {
        assertThat(stranger.get(path).code()).isEqualTo("NO_GRANT");
        assertThat(policeApprover.get(path).code()).isEqualTo("NO_GRANT");
        assertThat(civilApprover.get(path).code()).isEqualTo("GRANT_NOT_FOR_CALLER");
        assertThat(system.get("/api/v1/share/data/99999999/openapi.json").status()).isEqualTo(404);
        assertThat(policeApprover.post("/api/v1/share/grants/" + grantId + "/revoke", Map.of("reason", "系统停用")).status())
                .isEqualTo(200);
        Api.Response revoked = system.get(path);
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.code()).isEqualTo("GRANT_REVOKED");
        assertThat(audit("share.authorize", entryId).get(0).get("detail").asString()).startsWith("GRANT_REVOKED");
    }
}
