package cn.govdata.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications inbox through the HTTP API: a correction order reaches the department's administrators and its
 * chief data officer, an escalation the region's chief data officer; read and unread counts; the department's
 * webhook receives the notice after commit and is retried when it fails; bad input is a problem.
 */
class NotificationApiTest extends ApiIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private Api admin;
    private HttpServer webhook;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        admin = admin();
        // the department's system: refuses the first call, accepts the next
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    /** A department with an overdue catalog obligation, its administrator and its chief data officer. */
    private record Late(Dept department, LoggedIn departmentAdmin, LoggedIn officer, LoggedIn editor) {
    }

    private Late lateDepartment(String prefix) {
        Dept department = newDepartment(admin, prefix);
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn officer = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        Api.Response appointed = departmentAdmin.api().post("/api/v1/org/chief-data-officers",
                Map.of("departmentId", department.id(), "userId", officer.id(), "appointedOn", TODAY.toString()));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        Api.Response recorded = editor.api().post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED",
                "triggerDate", TODAY.minusDays(60).toString(), "description", "条例修订" + unique()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return new Late(department, departmentAdmin, officer, editor);
    }

    private long orderedViolation(Late late) {
        assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
        Api.Response listed = admin.get("/api/v1/supervision/violations?departmentId=" + late.department().id());
        assertThat(listed.json().size()).isEqualTo(1);
        long id = listed.json().get(0).get("id").asLong();
        Api.Response ordered = admin.post("/api/v1/supervision/violations/" + id + "/order", Map.of());
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(200);
        return id;
    }

    private static List<JsonNode> items(Api api) {
        Api.Response page = api.get("/api/v1/notifications");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    private static long unread(Api api) {
        Api.Response count = api.get("/api/v1/notifications/unread-count");
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        return count.json().get("unread").asLong();
    }

    /** Notices are stored after the raising transaction committed, off the request's thread. */
    private static void eventually(BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 10 s").isLessThan(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCorrectionOrderReachesTheDepartmentsAdministratorAndChiefDataOfficerWhoMarkItRead() {
        Late late = lateDepartment("通知测试局");
        long violation = orderedViolation(late);

        eventually(() -> unread(late.departmentAdmin().api()) == 1);
        JsonNode notice = items(late.departmentAdmin().api()).getFirst();
        assertThat(notice.get("kind").asString()).isEqualTo("supervise.order");
        assertThat(notice.get("title").asString()).startsWith("整改通知：目录未按时更新");
        assertThat(notice.get("link").asString()).isEqualTo("/supervise/violations");
        assertThat(notice.get("departmentId").asLong()).isEqualTo(late.department().id());
        assertThat(notice.get("read").asBoolean()).isFalse();
        eventually(() -> items(late.officer().api()).stream()
                .anyMatch(n -> n.get("kind").asString().equals("supervise.order")));
        // the catalog editor is neither administrator nor chief data officer
        assertThat(items(late.editor().api())).isEmpty();

        // one's own notice is marked read; another's is not found
        long id = notice.get("id").asLong();
        assertThat(late.editor().api().post("/api/v1/notifications/" + id + "/read", Map.of()).status())
                .isEqualTo(404);
        Api.Response read = late.departmentAdmin().api().post("/api/v1/notifications/" + id + "/read", Map.of());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(unread(late.departmentAdmin().api())).isZero();
        Api.Response page = late.departmentAdmin().api().get("/api/v1/notifications?page=0&size=5");
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(page.json().get("unread").asLong()).isZero();

        // ordering again is refused, and the redelivered event never doubles the notice
        assertThat(admin.post("/api/v1/supervision/violations/" + violation + "/order", Map.of()).status())
                .isEqualTo(409);
        assertThat(items(late.departmentAdmin().api())).hasSize(1);

        // mark all read
        eventually(() -> unread(late.officer().api()) >= 1);
        assertThat(late.officer().api().post("/api/v1/notifications/read-all", Map.of()).status()).isEqualTo(200);
        assertThat(unread(late.officer().api())).isZero();
    }

    @Test
    void anEscalationReachesTheRegionsChiefDataOfficer() {
        Late late = lateDepartment("通报通知局");
        LoggedIn regionOfficer = newUser(admin, authorityDepartmentId(admin), Role.DATA_USER);
        Api.Response appointed = admin.post("/api/v1/org/chief-data-officers",
                Map.of("userId", regionOfficer.id(), "appointedOn", TODAY.toString()));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        long violation = orderedViolation(late);
        late.editor().api().post("/api/v1/supervision/violations/" + violation + "/answer",
                Map.of("description", "尚未更新"));
        assertThat(admin.post("/api/v1/supervision/violations/" + violation + "/recheck", Map.of()).text("status"))
                .isEqualTo("ORDERED");
        Api.Response escalated = admin.post("/api/v1/supervision/violations/" + violation + "/escalate",
                Map.of("note", "逾期未更新目录，予以通报"));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);

        // the appointment itself was a notice to them; the escalation the second
        eventually(() -> unread(regionOfficer.api()) == 2);
        JsonNode notice = items(regionOfficer.api()).stream()
                .filter(n -> n.get("kind").asString().equals("supervise.escalation")).findFirst().orElseThrow();
        assertThat(notice.get("title").asString()).contains(late.department().name());
        assertThat(notice.get("body").asString()).isEqualTo("逾期未更新目录，予以通报");
    }

    @Test
    void theDepartmentsWebhookReceivesTheNoticeAfterARetry() {
        Late late = lateDepartment("推送测试局");
        String url = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
        String path = "/api/v1/notifications/webhooks/" + late.department().id();
        // the department itself may not point the platform at an address; the authority's administrator may
        assertThat(late.departmentAdmin().api().put(path, Map.of("url", url)).status()).isEqualTo(403);
        Api.Response set = admin.put(path, Map.of("url", url));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(admin.get(path).text("url")).isEqualTo(url);

        orderedViolation(late);
        eventually(() -> !received.isEmpty());
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
        JsonNode body = JsonMapper.builder().build().readTree(received.getFirst());
        assertThat(body.get("kind").asString()).isEqualTo("supervise.order");
        assertThat(body.get("title").asString()).startsWith("整改通知：");
        assertThat(body.get("departmentId").asLong()).isEqualTo(late.department().id());
        assertThat(body.get("departmentName").asString()).isEqualTo(late.department().name());
        assertThat(received).hasSize(1);

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @Test
    void anSmsPreferenceIsKeptWithoutAGatewayAndTheAnswerSaysNothingIsSent() {
        Dept department = newDepartment(admin, "无短信网关局");
        Api user = newUser(admin, department.id(), Role.DATA_USER).api();
        Api.Response kept = user.put("/api/v1/notifications/preference",
                Map.of("mobile", "13912345678", "smsEnabled", true));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("smsEnabled").asBoolean()).isTrue();
        assertThat(kept.json().get("smsAvailable").asBoolean()).isFalse();
        assertThat(kept.json().get("emailAvailable").asBoolean()).isFalse();
        assertThat(user.get("/api/v1/notifications/preference").text("mobile")).isEqualTo("13912345678");
    }

    @Test
    void badInputIsAProblem() {
        Dept department = newDepartment(admin, "坏输入局");
        Api user = newUser(admin, department.id(), Role.DATA_USER).api();
        for (String query : List.of("?size=0", "?size=101", "?page=-1", "?size=abc")) {
            Api.Response bad = user.get("/api/v1/notifications" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        assertThat(user.post("/api/v1/notifications/987654321/read", Map.of()).status()).isEqualTo(404);
        String path = "/api/v1/notifications/webhooks/" + department.id();
        for (String url : List.of("", "ftp://example.org/x", "not a url", "http:///nohost")) {
            Api.Response bad = admin.put(path, Map.of("url", url));
            assertThat(bad.status()).as(url).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        assertThat(admin.put("/api/v1/notifications/webhooks/987654321", Map.of("url", "https://example.org/h"))
                .status()).isEqualTo(404);
        Api.Response badEmail = user.put("/api/v1/notifications/preference",
                Map.of("email", "no-at-sign", "emailEnabled", true));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.code()).isEqualTo("INVALID_VALUE");
        Api.Response kept = user.put("/api/v1/notifications/preference",
                Map.of("email", "clerk@example.org", "emailEnabled", true));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(user.get("/api/v1/notifications/preference").text("email")).isEqualTo("clerk@example.org");
        // both fields are required; an empty address with e-mail off forgets it
        assertThat(user.put("/api/v1/notifications/preference", Map.of("emailEnabled", false)).status())
                .isEqualTo(400);
        assertThat(user.put("/api/v1/notifications/preference", Map.of("email", "clerk@example.org")).status())
                .isEqualTo(400);
        assertThat(user.put("/api/v1/notifications/preference", Map.of("email", "", "emailEnabled", true)).status())
                .isEqualTo(400);
        Api.Response forgotten = user.put("/api/v1/notifications/preference",
                Map.of("email", "", "emailEnabled", false));
        assertThat(forgotten.status()).as(forgotten.body()).isEqualTo(200);
        assertThat(user.get("/api/v1/notifications/preference").json().has("email")).isFalse();
        assertThat(anonymous.get("/api/v1/notifications").status()).isEqualTo(401);
    }
}
