package cn.govdata.open.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.open.OpenFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Opening a dataset (OPN-5, OPN-4): by its provider's data provider, after a review of every aspect, only what the
 * catalog lists as open, never with personal data that has no rule; withdrawn by the provider or the authority,
 * and followed when the catalog retires the entry. Every change and refusal is in the audit log.
 */
class OpeningApiTest extends OpenFixtures {

    @Autowired
    CatalogFollower follower;

    @BeforeEach
    void setUp() {
        setUpOpenData();
    }

    @Test
    void aProviderOpensOnlyAfterAReviewInWhichEveryAspectPassed() {
        long entryId = publishedWithRecords(policeOffices(), officesCsv(5, new ArrayList<>()));
        Map<String, Object> request = openRequest(entryId, officeRules());
        Map<String, Object> review = new java.util.LinkedHashMap<>(review());
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(Map.of("aspect", "NATIONAL_SECURITY", "passed", true, "note", "不涉及国家安全。"));
        answers.add(Map.of("aspect", "SECRECY", "passed", false, "note", "部分警务室地址属于内部信息。"));
        review.put("answers", answers);
        review.put("reviewer", " ");
        request.put("review", review);

        Api.Response refused = provider.post("/api/v1/open/datasets", request);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("OPEN_REVIEW_INCOMPLETE");
        assertThat(codes(refused)).contains("FIELD_REQUIRED", "OPEN_REVIEW_NOT_PASSED", "OPEN_REVIEW_ANSWER_MISSING");
        assertThat(messages(refused)).anyMatch(m -> m.contains("“保密”方面的审查未通过"))
                .anyMatch(m -> m.contains("社会效益")).anyMatch(m -> m.contains("审查人"));
        assertThat(anonymous.get("/api/3/action/package_show?id=" + PublicNames.packageId(entryId)).status())
                .isEqualTo(404);

        Api.Response opened = provider.post("/api/v1/open/datasets", openRequest(entryId, officeRules()));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.text("state")).isEqualTo("OPEN");
        assertThat(opened.json().get("review").get("answers")).hasSize(5);
        assertThat(opened.json().get("review").get("reviewer").asString()).isEqualTo("王审查（保密办）");
        assertThat(opened.json().get("metadataModified").isNull()).isFalse();
        assertThat(ckan("package_show?id=" + opened.text("packageId")).get("state").asString()).isEqualTo("active");
        Api.Response audit = auditor().get("/api/v1/audit?action=open.dataset.&size=50");
        assertThat(audit.body()).contains("open.dataset.open").contains("FAILURE").contains("SUCCESS");
    }

    @Test
    void personalDataNobodyMarkedIsFoundAndMustHaveARuleBeforeOpening() {
        List<String> personal = new ArrayList<>();
        long entryId = publishedWithRecords(policeOffices(), officesCsv(30, personal));

        Api.Response check = provider.get("/api/v1/open/entries/" + entryId + "/check");
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("openable").asBoolean()).isTrue();
        assertThat(check.json().get("sampled").asInt()).isEqualTo(30);
        JsonNode phone = item(check.json().get("items"), "phone");
        assertThat(phone.get("ruleRequired").asBoolean()).isTrue();
        assertThat(phone.get("findings").get(0).get("kind").asString()).isEqualTo("MOBILE");
        assertThat(phone.get("findings").get(0).get("matched").asInt()).isEqualTo(30);
        assertThat(item(check.json().get("items"), "officer_id").get("defaultRule").asString()).isEqualTo("ID_NUMBER");
        assertThat(item(check.json().get("items"), "district").get("findings")).isEmpty();

        Api.Response refused = provider.post("/api/v1/open/datasets", openRequest(entryId, List.of()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PERSONAL_DATA_WITHOUT_RULE");
        assertThat(refused.json().get("errors")).hasSize(2);
        assertThat(messages(refused)).anyMatch(m -> m.contains("“联系电话”（phone）") && m.contains("手机号码")
                && m.contains("抽查的 30 条记录中有 30 个值"))
                .anyMatch(m -> m.contains("“社区民警”（officer）") && m.contains("人名"));
        assertThat(refused.body()).doesNotContain(personal.get(0));

        Api.Response keptAsStored = provider.post("/api/v1/open/datasets",
                openRequest(entryId, List.of(rule("officer", "NONE"), rule("phone", "MOBILE"))));
        assertThat(keptAsStored.status()).as("a name kept as stored is a decision on record").isEqualTo(201);
        assertThat(keptAsStored.json().get("rules").toString()).contains("\"item\":\"officer\",\"chineseName\":\"社区民警\","
                + "\"rule\":\"NONE\",\"chosen\":true");
    }

    @Test
    void idNumbersAndItemsTheCatalogMarksPersonalNeverLeaveAsStored() {
        List<String> personal = new ArrayList<>();
        String csv = officesCsv(4, personal).replace("夜间值守", "");
        csv = csv.replaceFirst("(JWS0001,[^\\n]*),\\n", "$1,联系人身份证 " + cn.govdata.support.IdNumbers.of("370602",
                "19800101", "111") + "\n");
        long entryId = publishedWithRecords(policeOffices(), csv);

        Api.Response sensitive = provider.post("/api/v1/open/datasets",
                openRequest(entryId, List.of(rule("officer", "NAME"), rule("phone", "MOBILE"), rule("officer_id", "NONE"))));
        assertThat(sensitive.status()).as(sensitive.body()).isEqualTo(400);
        assertThat(sensitive.code()).isEqualTo("DESENSITISATION_RULES_INVALID");
        assertThat(messages(sensitive)).anyMatch(m -> m.contains("民警公民身份号码") && m.contains("不能原样开放"));

        Api.Response remark = provider.post("/api/v1/open/datasets", openRequest(entryId,
                List.of(rule("officer", "NAME"), rule("phone", "MOBILE"), rule("remark", "NONE"))));
        assertThat(remark.status()).as("an ID number found in a remark: never as stored").isEqualTo(409);
        assertThat(messages(remark)).anyMatch(m -> m.contains("备注") && m.contains("公民身份号码") && m.contains("不能原样开放"));

        Api.Response truncation = provider.post("/api/v1/open/datasets", openRequest(entryId,
                List.of(rule("officer", "NAME"), rule("phone", "MOBILE"), rule("remark", "TRUNCATE"))));
        assertThat(truncation.status()).isEqualTo(400);
        assertThat(codes(truncation)).containsExactly("DESENSITISATION_NEEDS_LENGTH");

        Api.Response opened = provider.post("/api/v1/open/datasets", openRequest(entryId,
                List.of(rule("officer", "NAME"), rule("phone", "MOBILE"), rule("remark", "DROP"))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    @Test
    void onlyTheProvidersDataProviderOpensAndOnlyWhatTheCatalogListsAsOpen() {
        long entryId = publishedWithRecords(policeOffices(), officesCsv(3, new ArrayList<>()));
        Api editorOnly = police.api();
        assertThat(editorOnly.post("/api/v1/open/datasets", openRequest(entryId, officeRules())).status()).isEqualTo(403);
        Dept other = newDepartment(admin, "民政局");
        Api otherProvider = newUser(admin, other.id(), Role.DATA_PROVIDER).api();
        assertThat(otherProvider.post("/api/v1/open/datasets", openRequest(entryId, officeRules())).status())
                .isEqualTo(403);
        assertThat(otherProvider.get("/api/v1/open/entries/" + entryId + "/check").status()).isEqualTo(403);

        Map<String, Object> notOpen = policeOffices();
        notOpen.put("openType", "NOT_OPEN");
        notOpen.put("openBasis", basis("中华人民共和国个人信息保护法", "第十三条"));
        long notOpenId = publishedWithRecords(notOpen, officesCsv(3, new ArrayList<>()));
        Api.Response refused = provider.post("/api/v1/open/datasets", openRequest(notOpenId, officeRules()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OPEN_NOT_ALLOWED");
        assertThat(refused.json().get("detail").asString()).contains("不予开放");

        long withoutData = published(police, policeOffices()).id();
        Api.Response empty = provider.post("/api/v1/open/datasets", openRequest(withoutData, officeRules()));
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().get("detail").asString()).contains("尚未归集数据");

        assertThat(provider.post("/api/v1/open/datasets", openRequest(entryId, officeRules())).status()).isEqualTo(201);
        Api.Response twice = provider.post("/api/v1/open/datasets", openRequest(entryId, officeRules()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("OPEN_STATE");
        assertThat(provider.post("/api/v1/open/datasets", Map.of("entryId", 99_999_999)).status()).isEqualTo(404);
    }

    @Test
    void aWithdrawnDatasetDisappearsAndHarvestersSeeItDeletedUntilItIsOpenedAgain() {
        Opened opened = openedOffices(3);
        Api.Response withoutReason = provider.post("/api/v1/open/datasets/" + opened.id() + "/withdraw", Map.of());
        assertThat(withoutReason.status()).isEqualTo(400);
        Dept other = newDepartment(admin, "民政局");
        Api stranger = newUser(admin, other.id(), Role.DATA_PROVIDER).api();
        assertThat(stranger.post("/api/v1/open/datasets/" + opened.id() + "/withdraw", Map.of("reason", "无关"))
                .status()).isEqualTo(404);

        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + opened.id() + "/withdraw",
                Map.of("reason", "警务室调整，数据待更新"));

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.text("state")).isEqualTo("WITHDRAWN");
        assertThat(anonymous.get("/api/3/action/package_show?id=" + opened.packageId()).status()).isEqualTo(404);
        assertThat(anonymous.get("/datastore/dump/" + opened.resourceId()).status()).isEqualTo(404);
        JsonNode deleted = ckan("package_search?include_deleted=true&fq=" + encode("id:" + opened.packageId()));
        assertThat(deleted.get("count").asInt()).isEqualTo(1);
        assertThat(deleted.get("results").get(0).get("state").asString()).isEqualTo("deleted");
        assertThat(ckan("package_search?fq=" + encode("id:" + opened.packageId())).get("count").asInt()).isZero();

        Api.Response again = provider.post("/api/v1/open/datasets", openRequest(opened.entryId(), officeRules()));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.text("packageId")).isEqualTo(opened.packageId());
        assertThat(ckan("package_show?id=" + opened.name()).get("state").asString()).isEqualTo("active");
    }

    @Test
    void theAuthorityMayWithdrawAndAnEntryLeavingTheCatalogWithdrawsItsDataset() {
        Opened first = openedOffices(2);
        Api authorityReviewer = reviewer;
        Api.Response byAuthority = authorityReviewer.post("/api/v1/open/datasets/" + first.id() + "/withdraw",
                Map.of("reason", "监督检查发现开放范围有误"));
        assertThat(byAuthority.status()).as(byAuthority.body()).isEqualTo(200);

        Opened second = openedOffices(2);
        Api.Response retired = police.api().post("/api/v1/catalog/entries/" + second.entryId() + "/retire",
                Map.of("reason", "警务室信息并入新目录"));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(anonymous.get("/api/3/action/package_show?id=" + second.packageId()).status())
                .as("invisible at once").isEqualTo(404);

        follower.follow();

        JsonNode after = ckan("package_search?include_deleted=true&fq=" + encode("id:" + second.packageId()));
        assertThat(after.get("results").get(0).get("state").asString()).isEqualTo("deleted");
        assertThat(provider.get("/api/v1/open/datasets/" + second.id()).text("withdrawalReason")).contains("目录");
    }

    @Test
    void rulesMayChangeAfterOpeningAndAreScannedAgain() {
        Opened opened = openedOffices(4);
        String before = ckan("package_show?id=" + opened.packageId()).get("metadata_modified").asString();

        Api.Response refused = provider.put("/api/v1/open/datasets/" + opened.id() + "/rules",
                Map.of("rules", List.of(rule("officer", "NAME"))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PERSONAL_DATA_WITHOUT_RULE");

        Api.Response changed = provider.put("/api/v1/open/datasets/" + opened.id() + "/rules",
                Map.of("rules", List.of(rule("officer", "FULL"), rule("phone", "DROP"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode shown = ckan("package_show?id=" + opened.packageId());
        assertThat(shown.get("metadata_modified").asString()).isGreaterThan(before);
        JsonNode records = ckan("datastore_search?resource_id=" + opened.resourceId());
        assertThat(records.get("fields").toString()).doesNotContain("\"phone\"");
        assertThat(records.get("records").get(0).get("officer").asString()).matches("\\*+");
    }

    private Api auditor() {
        return newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
    }

    private static JsonNode item(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("item").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no item " + name + " in " + items);
    }

    private static List<String> codes(Api.Response response) {
        List<String> codes = new ArrayList<>();
        response.json().get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }

    private static List<String> messages(Api.Response response) {
        List<String> messages = new ArrayList<>();
        response.json().get("errors").forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }
}
