package cn.govdata.share.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The data access interfaces through HTTP on the real database: the civil affairs bureau's system verifies,
 * queries and exchanges the police's population data under a grant narrowed to three items and one district —
 * and nothing leaves outside it.
 */
class SharedDataApiTest extends GrantedDataFixtures {

    private static final List<String> WAYS = List.of("VERIFICATION", "QUERY", "EXCHANGE");

    @BeforeEach
    void setUp() {
        setUpData("救助核对系统");
        grantId = narrowedGrant(entryId, systemId, WAYS, Map.of("dailyQuota", 1000));
    }

    @Test
    void verificationAnswersMatchOrNoMatchPerItemAndNeverTheStoredValue() {
        Api.Response right = verify(system, ZHANG, Map.of("xm", "张三", "xzqh", "370602"));
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(right.json().get("found").asBoolean()).isTrue();
        assertThat(right.json().get("items").get("xm").asString()).isEqualTo("MATCH");
        assertThat(right.json().get("items").get("xzqh").asString()).isEqualTo("MATCH");

        Api.Response wrong = verify(system, LI, Map.of("xm", "李思"));
        assertThat(wrong.json().get("items").get("xm").asString()).isEqualTo("NO_MATCH");
        assertThat(wrong.body()).doesNotContain("李四");

        // full-width digits and blanks as a citizen types them still match
        assertThat(verify(system, ZHANG, Map.of("xzqh", " ３７０６０２ ")).json().get("items").get("xzqh").asString())
                .isEqualTo("MATCH");

        // a record outside the granted district is not held, as far as this grant can tell
        Api.Response outside = verify(system, WANG, Map.of("xm", "王五"));
        assertThat(outside.json().get("found").asBoolean()).isFalse();
        assertThat(outside.json().get("items").get("xm").asString()).isEqualTo("NOT_HELD");

        // the address was applied for but not granted
        Api.Response address = verify(system, ZHANG, Map.of("zz", "芝罘区幸福路1号"));
        assertThat(address.status()).isEqualTo(403);
        assertThat(address.code()).isEqualTo("GRANT_DOES_NOT_COVER");
        assertThat(address.body()).doesNotContain("幸福路");

        assertThat(verify(system, "", Map.of("xm", "张三")).code()).isEqualTo("FIELD_REQUIRED");
        assertThat(system.post("/api/v1/share/data/" + entryId + "/verification", Map.of("key", Map.of("gmsfhm", ZHANG)))
                .code()).isEqualTo("FIELD_REQUIRED");
    }

    @Test
    void aQueryReturnsOnlyGrantedItemsOfAdmittedRecordsMaskedAsTheGrantPrescribes() {
        Api.Response found = query(system, Map.of("filters", List.of(Map.of("item", "xzqh", "match", "STARTS_WITH",
                "value", "3706"))));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("total").asLong()).isEqualTo(2);
        JsonNode first = found.json().get("records").get(0).get("values");
        assertThat(Api.texts(found.json().get("records"), "underReview")).containsOnly("false");
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("gmsfhm", "xm", "xzqh");
        assertThat(first.get("gmsfhm").asString()).matches("370602\\*{8}\\d{3}[\\dX]");
        assertThat(first.get("xm").asString()).endsWith("*").hasSize(2);
        assertThat(first.get("xzqh").asString()).isEqualTo("370602");
        assertThat(found.body()).doesNotContain(ZHANG, LI, "张三", "李四", "王五", "幸福路");

        Api.Response byKey = query(system, Map.of("key", Map.of("gmsfhm", LI), "items", List.of("xm")));
        assertThat(byKey.json().get("records").get(0).get("values").propertyNames()).containsExactly("xm");
        assertThat(query(system, Map.of("key", Map.of("gmsfhm", WANG))).json().get("total").asLong()).isZero();

        // other items, or a filter on one, are outside the grant
        assertThat(query(system, Map.of("key", Map.of("gmsfhm", LI), "items", List.of("zz"))).code())
                .isEqualTo("GRANT_DOES_NOT_COVER");
        assertThat(query(system, Map.of("filters", List.of(Map.of("item", "zz", "match", "STARTS_WITH", "value", "芝罘"))))
                .code()).isEqualTo("GRANT_DOES_NOT_COVER");
        assertThat(query(system, Map.of()).code()).isEqualTo("FIELD_REQUIRED");
        assertThat(query(system, Map.of("filters", List.of(Map.of("item", "xm", "match", "EQUALS", "value", "李四")),
                "size", 1000)).code()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void everyUseIsRecordedWithItsGrantPurposeAndApproverAndAccessOutsideAGrantIsRefusedAndRecorded() {
        verify(system, ZHANG, Map.of("xm", "张三"));
        query(system, Map.of("key", Map.of("gmsfhm", LI)));
        JsonNode verified = audit("share.data.verify", entryId).get(0);
        assertThat(verified.get("grantId").asString()).isEqualTo(Long.toString(grantId));
        assertThat(verified.get("purpose").asString()).isEqualTo("核查最低生活保障申请人的身份和户籍");
        // the record's key is in the stored entry; the auditor reads it masked (issue #11)
        assertThat(verified.get("detail").asString()).contains("API (system", "1 record", "[xm]",
                ZHANG.substring(0, 6) + "********" + ZHANG.substring(14), "approved by").doesNotContain(ZHANG);
        assertThat(audit("share.data.query", entryId).get(0).get("detail").asString()).contains("1 of 1 records",
                LI.substring(0, 6) + "********" + LI.substring(14)).doesNotContain(LI);

        // a department without a grant, and a revoked grant: refused, nothing read, the refusal recorded
        Api.Response other = admin.post("/api/v1/systems", Map.of("departmentId", strangerDepartment.id(), "name", "学籍系统"));
        Api strangerSystemApi = connectedSystem(other);
        assertThat(verify(strangerSystemApi, ZHANG, Map.of("xm", "张三")).code()).isEqualTo("NO_GRANT");
        assertThat(policeApprover.post("/api/v1/share/grants/" + grantId + "/revoke", Map.of("reason", "系统停用")).status())
                .isEqualTo(200);
        Api.Response revoked = query(system, Map.of("key", Map.of("gmsfhm", LI)));
        assertThat(revoked.code()).isEqualTo("GRANT_REVOKED");
        assertThat(revoked.body()).doesNotContain("李");
    }

    @Test
    void aRecordWithAnOpenObjectionIsMarkedUnderReviewAndVerificationStillAnswers() {
        Map<String, Object> objection = new java.util.LinkedHashMap<>();
        objection.put("entryId", entryId);
        objection.put("keyValues", Map.of("gmsfhm", LI));
        objection.put("item", "xm");
        objection.put("proposedValue", "李思");
        objection.put("description", "户口簿记载的姓名为李思");
        Api.Response raised = civilUser.api().post("/api/v1/share/objections", objection);
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);

        Api.Response verified = verify(system, LI, Map.of("xm", "李四"));
        assertThat(verified.json().get("items").get("xm").asString()).isEqualTo("MATCH");
        assertThat(verified.json().get("underReview").asBoolean()).isTrue();
        assertThat(verify(system, ZHANG, Map.of("xm", "张三")).json().get("underReview").asBoolean()).isFalse();

        JsonNode records = query(system, Map.of("filters", List.of(Map.of("item", "xzqh", "match", "EQUALS",
                "value", "370602")))).json().get("records");
        assertThat(records).hasSize(2);
        long marked = 0;
        for (JsonNode record : records) {
            if (record.get("underReview").asBoolean()) {
                marked++;
                assertThat(record.get("itemsUnderReview").toString()).isEqualTo("[\"xm\"]");
            }
        }
        assertThat(marked).isEqualTo(1);
    }

    @Test
    void theDailyQuotaCountsRecordsDeliveredAndRefusesBeyondIt() {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", civil.id(), "name", "限额系统"));
        Api limited = connectedSystem(registered);
        narrowedGrant(entryId, registered.id(), WAYS, Map.of("dailyQuota", 2));
        // the newest grant (quota 2) is the one a system named only there falls under
        assertThat(query(limited, Map.of("key", Map.of("gmsfhm", ZHANG))).status()).isEqualTo(200);
        assertThat(verify(limited, LI, Map.of("xm", "李四")).status()).isEqualTo(200);
        Api.Response over = query(limited, Map.of("key", Map.of("gmsfhm", LI)));
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.code()).isEqualTo("QUOTA_EXHAUSTED");
    }

    @Test
    void anExchangeStreamsTheGrantedPartThenOnlyWhatChangedSinceItsCursor() throws Exception {
        HttpResponse<String> full = exchange(system, "since=0&format=CSV");
        assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
        assertThat(full.headers().firstValue("X-Changes")).hasValue("2");
        String cursor = full.headers().firstValue("X-Cursor").orElseThrow();
        List<String> lines = full.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("gmsfhm,xm,xzqh,_deleted");
        assertThat(lines).hasSize(3);
        assertThat(full.body()).doesNotContain(ZHANG, "张三", "王五", "370611");

        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n" + WANG + ",王武,370611,福山区长安街3号\n");
        HttpResponse<String> changed = exchange(system, "since=" + cursor + "&format=JSON_LINES");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("X-Changes")).hasValue("1");
        // the file is watermarked (SHR-6): text for people wholly half- or full-width, the same once folded (NFKC)
        assertThat(java.text.Normalizer.normalize(changed.body(), java.text.Normalizer.Form.NFKC).lines().toList())
                .hasSize(1).first().asString().contains("\"xm\":\"李*\"", "\"deleted\":false");

        assertThat(exchange(system, "since=0&format=XML").statusCode()).isEqualTo(400);
        assertThat(exchange(system, "since=0&items=zz").statusCode()).isEqualTo(403);
    }

    @Test
    void anExchangesCsvDefusesCellsASpreadsheetWouldRunAndItsJsonLinesKeepThem() throws Exception {
        String cursor = exchange(system, "since=0&format=CSV").headers().firstValue("X-Cursor").orElseThrow();
        load("gmsfhm,xm,xzqh,zz\n" + LI + ",=HYPERLINK(1),370602,芝罘区和平路2号\n");

        HttpResponse<String> csv = exchange(system, "since=" + cursor + "&format=CSV");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",\"'=").doesNotContain(",=");

        HttpResponse<String> jsonLines = exchange(system, "since=" + cursor + "&format=JSON_LINES");
        assertThat(jsonLines.body()).contains("\"xm\":\"=").doesNotContain("'=");
    }
}
