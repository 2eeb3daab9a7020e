package cn.govdata.open.release;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.open.desensitise.PersonalValues;
import cn.govdata.org.CreditCode;
import cn.govdata.policy.WorkingDayCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode only: open data for the portal to show. The demo catalog's open entries have no data in the lake and
 * the catalog and the lake offer no service to other modules for creating entries or loading records, so this goes
 * the way a department does, through the platform's own API as the demo accounts of the public-security bureau:
 * its editor catalogs four entries, the authority's reviewer publishes them, its data provider loads their records
 * and opens them after a review — the community police offices (120 records, officers' names, mobiles and ID
 * numbers, desensitised), service windows, vehicle inspection bodies (one an individual business, whose credit
 * code is masked), and monthly accident figures open on application. Runs once, after the lake's demo data.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("govdata.demo")
@Order(4)
class OpenDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpenDemoData.class);
    /** The demo accounts' password (README; org's demo data). */
    private static final String DEMO_PASSWORD = "Demo-Pass-2026";
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "于" };
    private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明" };
    private static final String[] DISTRICTS = { "芝罘区", "福山区", "牟平区", "莱山区", "蓬莱区" };

    private final JdbcClient jdbc;
    private final Environment environment;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;

    OpenDemoData(JdbcClient jdbc, Environment environment, JsonMapper json) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from open_dataset").query(Integer.class).single() > 0
                || jdbc.sql("select count(*) from user_account where username = 'provider'").query(Integer.class).single() == 0) {
            return;
        }
        base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        try {
            String editor = login("editor");
            String reviewer = login("reviewer");
            String provider = login("provider");
            int opened = 0;
            opened += open(provider, publish(editor, reviewer, policeOffices()), policeOfficesCsv(120),
                    List.of(rule("officer", "NAME"), rule("phone", "MOBILE")));
            opened += open(provider, publish(editor, reviewer, serviceWindows()), serviceWindowsCsv(), List.of());
            opened += open(provider, publish(editor, reviewer, inspectionBodies()), inspectionBodiesCsv(),
                    List.of(rule("address", "NONE")));
            opened += open(provider, publish(editor, reviewer, accidents()), accidentsCsv(), List.of());
            log.info("Demo open data loaded: {} datasets opened", opened);
        } catch (IOException | RuntimeException e) {
            log.warn("Demo open data not loaded: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long publish(String editor, String reviewer, Map<String, Object> content)
            throws IOException, InterruptedException {
        long id = send(editor, "POST", "/api/v1/catalog/entries", Map.of("content", content)).get("id").asLong();
        send(editor, "POST", "/api/v1/catalog/entries/" + id + "/submit", Map.of());
        send(reviewer, "POST", "/api/v1/catalog/entries/" + id + "/publish", Map.of());
        return id;
    }

    private int open(String provider, long entryId, String csv, List<Map<String, Object>> rules)
            throws IOException, InterruptedException {
        long datasetId = send(provider, "POST", "/api/v1/lake/datasets", Map.of("entryId", entryId)).get("id").asLong();
        upload(provider, "/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", csv);
        send(provider, "POST", "/api/v1/open/datasets", Map.of("entryId", entryId, "review", review(), "rules", rules));
        return 1;
    }

    private static Map<String, Object> review() {
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(answer("NATIONAL_SECURITY", "不涉及国家安全事项。"));
        answers.add(answer("SECRECY", "经保密审查，不含国家秘密和工作秘密。"));
        answers.add(answer("PERSONAL_INFORMATION_AND_COMMERCIAL_SECRETS", "个人信息按信息项设定脱敏规则后开放。"));
        answers.add(answer("INFORMATION_RISK", "开放后不会危及公共安全和社会稳定。"));
        answers.add(answer("SOCIAL_BENEFIT", "便于群众查找身边的警务服务，社会效益明显。"));
        return Map.of("reviewer", "市公安局保密办 李审", "reviewedOn", LocalDate.now(WorkingDayCalendar.ZONE).toString(),
                "answers", answers);
    }

    private static Map<String, Object> answer(String aspect, String note) {
        return Map.of("aspect", aspect, "passed", true, "note", note);
    }

    private static Map<String, Object> rule(String item, String rule) {
        return Map.of("item", item, "rule", rule);
    }

    // ---- the entries and their records

    private static Map<String, Object> entry(String name, String target, String summary, String openType,
            String cycle, List<Map<String, Object>> items) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("classification", Map.of("category", "DEPARTMENT", "item", "08", "target", target));
        content.put("summary", summary);
        content.put("format", "DATABASE");
        content.put("subFormat", "PostgreSQL");
        content.put("releaseDate", "2025-01-01");
        content.put("classified", false);
        content.put("dataItems", items);
        content.put("shareType", "UNCONDITIONAL");
        content.put("shareMethod", "PLATFORM_INTERFACE");
        content.put("openType", openType);
        if (openType.equals("CONDITIONAL_OPEN")) {
            content.put("openCondition", "用于交通安全研究的高等院校和科研院所，说明研究用途后提供。");
        }
        content.put("updateCycle", cycle);
        return content;
    }

    private static Map<String, Object> item(String name, String chineseName, String type, Integer length, boolean key,
            String standard, String sensitivity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("chineseName", chineseName);
        item.put("type", type);
        item.put("length", length);
        item.put("required", key);
        item.put("recordKey", key);
        item.put("valueStandard", standard);
        item.put("sensitivity", sensitivity);
        return item;
    }

    private static Map<String, Object> policeOffices() {
        return entry("社区警务室信息", "001", "全市社区警务室的名称、所在区和社区民警联系方式，方便群众就近办事。", "OPEN", "MONTHLY",
                List.of(item("office_no", "警务室编号", "CHARACTER", 20, true, null, "NONE"),
                        item("office_name", "警务室名称", "CHARACTER", 100, false, null, "NONE"),
                        item("district", "所在区", "CHARACTER", 20, false, null, "NONE"),
                        item("officer", "社区民警", "CHARACTER", 20, false, null, "NONE"),
                        item("phone", "联系电话", "CHARACTER", 20, false, null, "NONE"),
                        item("officer_id", "民警公民身份号码", "CHARACTER", 18, false, "GB 11643", "PERSONAL_INFORMATION")));
    }

    private static String policeOfficesCsv(int count) {
        StringBuilder csv = new StringBuilder("office_no,office_name,district,officer,phone,officer_id\n");
        for (int n = 1; n <= count; n++) {
            String district = DISTRICTS[n % DISTRICTS.length];
            String birth = String.format("%04d%02d%02d", 1970 + n % 25, 1 + n % 12, 1 + n % 28);
            String first17 = "370602" + birth + String.format("%03d", 100 + n);
            csv.append(String.format("JWS%04d,%s第%d社区警务室,%s,%s,1390535%04d,%s\n", n, district, n, district,
                    SURNAMES[n % SURNAMES.length] + GIVEN[(n / 3) % GIVEN.length], n, first17 + PersonalValues.idCheckCharacter(first17)));
        }
        return csv.toString();
    }

    private static Map<String, Object> serviceWindows() {
        return entry("交通违法处理窗口信息", "002", "交通违法处理窗口的地址、办公时间和咨询电话。", "OPEN", "QUARTERLY",
                List.of(item("window_no", "窗口编号", "CHARACTER", 20, true, null, "NONE"),
                        item("window_name", "窗口名称", "CHARACTER", 100, false, null, "NONE"),
                        item("district", "所在区", "CHARACTER", 20, false, null, "NONE"),
                        item("hours", "办公时间", "CHARACTER", 50, false, null, "NONE"),
                        item("hotline", "咨询电话", "CHARACTER", 20, false, null, "NONE")));
    }

    private static String serviceWindowsCsv() {
        StringBuilder csv = new StringBuilder("window_no,window_name,district,hours,hotline\n");
        for (int n = 1; n <= 20; n++) {
            String district = DISTRICTS[n % DISTRICTS.length];
            csv.append(String.format("CK%03d,%s交警大队第%d窗口,%s,工作日 9:00-17:00,0535-62%05d\n", n, district, n, district, n));
        }
        return csv.toString();
    }

    private static Map<String, Object> inspectionBodies() {
        return entry("机动车检验机构信息", "003", "经资质认定的机动车安全技术检验机构及其检验地址。", "OPEN", "MONTHLY",
                List.of(item("credit_code", "统一社会信用代码", "CHARACTER", 18, true, "GB 32100", "NONE"),
                        item("body_name", "检验机构名称", "CHARACTER", 100, false, null, "NONE"),
                        item("address", "检验地址", "CHARACTER", 200, false, null, "NONE"),
                        item("lanes", "检测线数量", "INTEGER", null, false, null, "NONE")));
    }

    private static String inspectionBodiesCsv() {
        StringBuilder csv = new StringBuilder("credit_code,body_name,address,lanes\n");
        for (int n = 1; n <= 15; n++) {
            // one individual business (category 9, type 2): a natural person's code, masked by default
            String first17 = (n == 15 ? "92370602" : "91370602") + String.format("MA3C%05d", n);
            String district = DISTRICTS[n % DISTRICTS.length];
            csv.append(String.format("%s,烟台%s第%d机动车检测站,烟台市%s港城大道%d号,%d\n", first17 + CreditCode.checkCharacter(first17),
                    district, n, district, 100 + n, 2 + n % 4));
        }
        return csv.toString();
    }

    private static Map<String, Object> accidents() {
        return entry("道路交通事故统计（按月）", "004", "各区每月道路交通事故起数、伤亡人数的统计。", "CONDITIONAL_OPEN", "MONTHLY",
                List.of(item("month", "统计月份", "CHARACTER", 7, true, null, "NONE"),
                        item("district", "所在区", "CHARACTER", 20, true, null, "NONE"),
                        item("accidents", "事故起数", "INTEGER", null, false, null, "NONE"),
                        item("injured", "受伤人数", "INTEGER", null, false, null, "NONE")));
    }

    private static String accidentsCsv() {
        StringBuilder csv = new StringBuilder("month,district,accidents,injured\n");
        for (int m = 1; m <= 12; m++) {
            for (String district : DISTRICTS) {
                csv.append(String.format("2025-%02d,%s,%d,%d\n", m, district, 20 + (m * district.length()) % 17, 5 + m % 7));
            }
        }
        return csv.toString();
    }

    // ---- the platform's own API

    private String login(String username) throws IOException, InterruptedException {
        return send(null, "POST", "/api/v1/auth/login", Map.of("username", username, "password", DEMO_PASSWORD))
                .get("token").asString();
    }

    private JsonNode send(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(path, http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private void upload(String token, String path, String csv) throws IOException, InterruptedException {
        String boundary = "----govdata-demo" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, csv.getBytes(StandardCharsets.UTF_8), tail)))
                .build();
        answer(path, http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private JsonNode answer(String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }
}
