package cn.govdata.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;
import tools.jackson.databind.JsonNode;

/**
 * Open-data fixtures: a public-security bureau with its catalog editor and data provider, the register of its
 * community police offices (警务室) — office number and name, district, the community officer's name and mobile
 * nobody marked personal, and the officer's ID number the catalog marks personal — aggregated into the lake and
 * opened through the console API, as a department would.
 */
public abstract class OpenFixtures extends CatalogFixtures {

    /** An opened (or openable) dataset, with the personal values it holds as stored. */
    protected record Opened(long entryId, long id, String packageId, String name, String resourceId,
            String resourceCode, List<String> personalValues) {
    }

    protected Editor police;
    protected Api provider;
    protected String providerName;

    protected void setUpOpenData() {
        setUpCatalog();
        police = newEditor("公安局");
        LoggedIn user = newUser(admin, police.department().id(), Role.DATA_PROVIDER);
        provider = user.api();
        providerName = user.username();
    }

    /** The community police offices register, unconditionally open. */
    /** Today in Beijing, the day the platform's deadlines and periods count from. */
    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    protected static Map<String, Object> policeOffices() {
        Map<String, Object> content = content("社区警务室信息" + unique());
        content.put("summary", "全市社区警务室的名称、所在区县和社区民警联系方式。");
        content.put("dataItems", new ArrayList<>(List.of(
                item("office_no", "警务室编号", "CHARACTER", 20, true, true, null, "NONE"),
                item("office_name", "警务室名称", "CHARACTER", 100, true, false, null, "NONE"),
                item("district", "所在区县", "CHARACTER", 20, true, false, null, "NONE"),
                item("officer", "社区民警", "CHARACTER", 20, false, false, null, "NONE"),
                item("phone", "联系电话", "CHARACTER", 20, false, false, null, "NONE"),
                item("officer_id", "民警公民身份号码", "CHARACTER", 18, false, false, "GB 11643", "PERSONAL_INFORMATION"),
                item("remark", "备注", "MEMO", 200, false, false, null, "NONE"))));
        content.put("updateCycle", "MONTHLY");
        return content;
    }

    /** Publishes an entry of the police and loads records into its dataset; returns the entry id. */
    protected long publishedWithRecords(Map<String, Object> content, String csv) {
        long entryId = published(police, content).id();
        Api.Response dataset = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(dataset.status()).as(dataset.body()).isEqualTo(201);
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + dataset.id() + "/batches?wait=true", "file",
                "data.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        return entryId;
    }

    /** CSV of {@code count} police offices; the officers' names, mobiles and ID numbers are personal. */
    protected static String officesCsv(int count, List<String> personal) {
        String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
        String[] given = { "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军" };
        StringBuilder csv = new StringBuilder("office_no,office_name,district,officer,phone,officer_id,remark\n");
        for (int i = 1; i <= count; i++) {
            String district = i % 2 == 0 ? "芝罘区" : "福山区";
            String officer = surnames[i % surnames.length] + given[(i / 3) % given.length] + (i % 4 == 0 ? "明" : "");
            String phone = "1390535" + String.format("%04d", i);
            String id = IdNumbers.of("370602", String.format("19%02d0%d1%d", 70 + i % 25, 1 + i % 9, i % 10),
                    String.format("%03d", i % 1000));
            personal.add(phone);
            personal.add(id);
            if (officer.length() >= 3) {
                personal.add(officer);  // two-character names are too short to look for in text reliably
            }
            csv.append(String.format("JWS%04d,%s第%d警务室,%s,%s,%s,%s,%s\n", i, district, i, district, officer, phone,
                    id, i % 10 == 0 ? "夜间值守" : ""));
        }
        return csv.toString();
    }

    /** A review in which every aspect passed. */
    protected static Map<String, Object> review() {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String aspect : List.of("NATIONAL_SECURITY", "SECRECY", "PERSONAL_INFORMATION_AND_COMMERCIAL_SECRETS",
                "INFORMATION_RISK", "SOCIAL_BENEFIT")) {
            answers.add(Map.of("aspect", aspect, "passed", true, "note", "经审查，" + aspect + " 方面无问题。"));
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("reviewer", "王审查（保密办）");
        review.put("reviewedOn", today().toString());
        review.put("answers", answers);
        return review;
    }

    protected static Map<String, Object> openRequest(long entryId, List<Map<String, Object>> rules) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("entryId", entryId);
        request.put("review", review());
        request.put("rules", rules);
        return request;
    }

    protected static Map<String, Object> rule(String item, String rule) {
        return Map.of("item", item, "rule", rule);
    }

    /** The rules the police offices need: the officer's name and mobile, which nobody marked personal. */
    protected static List<Map<String, Object>> officeRules() {
        return List.of(rule("officer", "NAME"), rule("phone", "MOBILE"));
    }

    /** Publishes, loads and opens the police offices register with {@code count} records. */
    protected Opened openedOffices(int count) {
        List<String> personal = new ArrayList<>();
        long entryId = publishedWithRecords(policeOffices(), officesCsv(count, personal));
        return open(entryId, officeRules(), personal);
    }

    protected Opened open(long entryId, List<Map<String, Object>> rules, List<String> personal) {
        Api.Response opened = provider.post("/api/v1/open/datasets", openRequest(entryId, rules));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode json = opened.json();
        String resourceId = anonymous.get("/api/3/action/package_show?id=" + json.get("packageId").asString()).json()
                .get("result").get("resources").get(0).get("id").asString();
        return new Opened(entryId, json.get("id").asLong(), json.get("packageId").asString(),
                json.get("packageName").asString(), resourceId, json.get("resourceCode").asString(), personal);
    }

    /** A CKAN action's {@code result}, asserting the call succeeded. */
    protected JsonNode ckan(String pathAndQuery) {
        Api.Response response = anonymous.get("/api/3/action/" + pathAndQuery);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        return response.json().get("result");
    }

    protected static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
