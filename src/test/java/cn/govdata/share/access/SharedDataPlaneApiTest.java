package cn.govdata.share.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;
import cn.govdata.support.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * The data access interfaces on their own port (issue #16): the same answers, refusals, masking and audit entries as
 * on the main port, and every bad request a problem.
 */
class SharedDataPlaneApiTest extends GrantedDataFixtures {

    @Autowired
    SharedDataPlane plane;

    private Api onPlane;
    private RawHttp raw;

    @BeforeEach
    void setUp() {
        setUpData("救助核对系统（数据面）");
        grantId = narrowedGrant(entryId, systemId, List.of("VERIFICATION", "QUERY", "EXCHANGE"),
                Map.of("dailyQuota", 1000));
        onPlane = system.onPort(plane.port());
        raw = new RawHttp(plane.port());
    }

    @Test
    void verificationQueryAndExchangeAnswerAsOnTheMainPortMaskedAndAudited() throws Exception {
        Map<String, String> claims = Map.of("xm", "张三", "xzqh", "３７０６０２");
        Api.Response verified = verify(onPlane, ZHANG, claims);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.contentType()).startsWith("application/json");
        assertThat(verified.json()).isEqualTo(verify(system, ZHANG, claims).json());
        assertThat(verified.json().get("items").get("xzqh").asString()).isEqualTo("MATCH");
        assertThat(verify(onPlane, WANG, Map.of("xm", "王五")).json().get("found").asBoolean()).isFalse();

        Map<String, Object> filters = Map.of("filters", List.of(Map.of("item", "xzqh", "match", "STARTS_WITH",
                "value", "3706")));
        Api.Response found = query(onPlane, filters);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(query(system, filters).json());
        assertThat(found.json().get("total").asLong()).isEqualTo(2);
        assertThat(found.body()).doesNotContain(ZHANG, LI, "张三", "李四", "王五", "幸福路");

        HttpResponse<String> csv = exchange(onPlane, "since=0&format=CSV");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("X-Changes").orElseThrow()).isEqualTo("2");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("gmsfhm,xm,xzqh,_deleted");
        assertThat(csv.body()).doesNotContain(ZHANG, LI, "张三", "李四", "王五");
        HttpResponse<String> none = exchange(onPlane,
                "since=" + csv.headers().firstValue("X-Cursor").orElseThrow() + "&format=JSON_LINES");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEmpty();

        // each use audited like the main port's, naming the caller's address
        JsonNode verifications = audit("share.data.verify", entryId);
        assertThat(verifications).hasSize(3);
        for (JsonNode entry : verifications) {
            assertThat(entry.get("grantId").asString()).isEqualTo(Long.toString(grantId));
            assertThat(entry.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(entry.get("detail").asString()).contains("API (system " + systemId + ")");
        }
        assertThat(audit("share.data.query", entryId)).hasSize(2);
        assertThat(audit("share.data.exchange", entryId)).hasSize(2);
    }

    @Test
    void refusalsAreTheMainPortsAndAudited() {
        Api.Response address = verify(onPlane, ZHANG, Map.of("zz", "芝罘区幸福路1号"));
        assertThat(address.status()).isEqualTo(403);
        assertThat(address.contentType()).startsWith("application/problem+json");
        assertThat(address.code()).isEqualTo("GRANT_DOES_NOT_COVER");
        assertThat(address.body()).doesNotContain("幸福路");
        assertThat(audit("share.authorize", entryId).get(0).get("outcome").asString()).isEqualTo("FAILURE");

        Api strangerSystem = connectedSystem(admin.post("/api/v1/systems",
                Map.of("departmentId", strangerDepartment.id(), "name", "学籍系统（数据面）")));
        assertThat(verify(strangerSystem.onPort(plane.port()), ZHANG, Map.of("xm", "张三")).code()).isEqualTo("NO_GRANT");
        assertThat(query(onPlane, Map.of("filters", List.of(Map.of("item", "zz", "match", "STARTS_WITH",
                "value", "芝罘")))).code()).isEqualTo("GRANT_DOES_NOT_COVER");
        assertThat(query(onPlane, Map.of()).code()).isEqualTo("FIELD_REQUIRED");
        assertThat(onPlane.post("/api/v1/share/data/" + (entryId + 1_000_000) + "/query",
                Map.of("key", Map.of("gmsfhm", ZHANG))).status()).isIn(403, 404);
    }

    @Test
    void badRequestsAreProblemsInTheCallersLanguage() {
        String base = "/api/v1/share/data/" + entryId;
        Map<String, String> json = Map.of("Authorization", "Bearer " + system.token(), "Content-Type",
                "application/json");
        String body = "{\"key\":{\"gmsfhm\":\"" + ZHANG + "\"},\"claims\":{\"xm\":\"张三\"}}";

        expect(raw.send("POST", base + "/verification", Map.of("Content-Type", "application/json"), body), 401,
                "UNAUTHENTICATED");
        expect(raw.send("POST", base + "/verification", Map.of("Authorization", "Bearer forged-token",
                "Content-Type", "application/json"), body), 401, "TOKEN_INVALID");
        expect(raw.send("GET", base + "/verification", json, (String) null), 405, "METHOD_NOT_ALLOWED");
        expect(raw.send("POST", base + "/exchange", json, body), 405, "METHOD_NOT_ALLOWED");
        expect(raw.send("POST", base + "/elsewhere", json, body), 404, "NOT_FOUND");
        expect(raw.send("POST", "/api/v1/share/data/0" + entryId + "/verification", json, body), 400, "INVALID_VALUE");
        expect(raw.send("POST", "/api/v1/share/data/%EF%BC%91/verification", json, body), 400, "INVALID_VALUE");
        expect(raw.send("POST", base + "/verification", json, "{\"key\":"), 400, "MALFORMED_REQUEST");
        expect(raw.send("POST", base + "/verification", json, "{\"key\":{\"gmsfhm\":7},\"claims\":[1]}"), 400,
                "MALFORMED_REQUEST");
        expect(raw.send("POST", base + "/verification", json, new byte[] { '{', '"', (byte) 0xC3, '"', '}' }), 400,
                "MALFORMED_REQUEST");
        expect(raw.send("POST", base + "/verification", Map.of("Authorization", "Bearer " + system.token(),
                "Content-Type", "text/plain"), body), 415, "UNSUPPORTED_MEDIA_TYPE");
        expect(raw.send("POST", base + "/query", json, "{\"filters\":[{\"item\":\"xm\",\"match\":\"EQUALS\",\"value\":\""
                + "张".repeat(SharedDataPlane.MAX_BODY / 3 + 1) + "\"}]}"), 413, "PAYLOAD_TOO_LARGE");
        expect(raw.send("GET", base + "/exchange?since=%zz", json, (String) null), 400, "MALFORMED_REQUEST");
        expect(raw.send("GET", base + "/exchange?since=%EF%BC%90", json, (String) null), 400, "INVALID_VALUE");
        expect(raw.send("GET", base + "/exchange?format=XML", json, (String) null), 400, "INVALID_VALUE");

        // a load balancer's check: no token, nothing read
        RawHttp.Answer health = raw.send("GET", "/health", Map.of(), (String) null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        expect(raw.send("POST", "/health", json, "{}"), 405, "METHOD_NOT_ALLOWED");

        // what the server itself refuses before any handler: still a problem, never an HTML page
        RawHttp.Answer badPath = raw.send("POST", "/api/v1/share/data/%zz/verification", json, body);
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.isProblem()).as(badPath.body()).isTrue();
        RawHttp.Answer hugeHeader = raw.send("POST", base + "/verification", Map.of("Authorization", "Bearer "
                + system.token(), "Content-Type", "application/json", "X-Padding", "a".repeat(20_000)), body);
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.isProblem()).as(hugeHeader.body()).isTrue();
        assertThat(hugeHeader.body()).doesNotContain("<html", "Exception");

        RawHttp.Answer english = raw.send("POST", base + "/verification", Map.of("Content-Type", "application/json",
                "Accept-Language", "en"), body);
        expect(english, 401, "UNAUTHENTICATED");
        assertThat(english.json().get("detail").asString()).matches("[\\x20-\\x7E]+");
        RawHttp.Answer chinese = raw.send("POST", base + "/verification", Map.of("Content-Type", "application/json"),
                body);
        assertThat(chinese.json().get("detail").asString()).contains("令牌");
    }

    private static void expect(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body()).doesNotContain("Exception", "at cn.", "<html");
    }
}
