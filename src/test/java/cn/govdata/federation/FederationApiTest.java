package cn.govdata.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.GovdataApplication;
import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Two platforms in one JVM: this test's platform (the lower one, a city) and a second one started here with a
 * database of its own (the upper one). Registering the upper platform here is all it takes for the catalog to
 * cascade: published entries appear in the upper's search with their origin, retirements leave it, and the upper
 * refuses to edit them. With the lower platform also linked on the upper one, a department there applies for an
 * entry kept here, this platform's approver decides, and the department's system queries the data through its own
 * platform; both platforms record the use.
 */
class FederationApiTest extends GrantedDataFixtures {

    private static ConfigurableApplicationContext upper;
    private static Path upperDataDir;
    private static Api upperAnonymous;
    private static Api upperAdmin;

    @BeforeAll
    static void startTheUpperPlatform() throws Exception {
        upperDataDir = Files.createTempDirectory("govdata-upper-");
        upper = startUpper(0);
        upperAnonymous = new Api(Integer.parseInt(upper.getEnvironment().getProperty("local.server.port")));
        upperAdmin = firstAdminLogin(upperAnonymous);
    }

    /** The upper platform on a port (0: any); its in-memory database outlives a stop, as a real one would. */
    private static ConfigurableApplicationContext startUpper(int port) {
        return new SpringApplicationBuilder(GovdataApplication.class).profiles("test")
                // command-line arguments outrank SPRING_DATASOURCE_URL: the upper platform never shares the database
                .run("--server.port=" + port, "--govdata.test.data-dir=" + upperDataDir,
                        "--spring.datasource.url=jdbc:h2:mem:govdata-federation-upper;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--govdata.federation.secret-key=" + upperDataDir.resolve("federation-sm4.key"));
    }

    @AfterAll
    static void stopTheUpperPlatform() {
        if (upper != null) {
            upper.close();
        }
    }

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void theCatalogCascadesToTheUpperPlatformWithItsOriginAndStaysReadOnlyThere() throws Exception {
        Credentials credentials = upperSystemForThisPlatform();
        Api.Response registered = admin.post("/api/v1/federation/peers", peer("上级平台" + unique(),
                upperAnonymous.baseUrl(), credentials.clientId(), credentials.clientSecret(), "UPPER"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long peerId = registered.id();
        try {
            assertThat(registered.body()).doesNotContain(credentials.clientSecret());
            assertThat(registered.json().has("clientSecret")).isFalse();
            Api.Response listed = admin.get("/api/v1/federation/peers");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).contains(credentials.clientId()).doesNotContain(credentials.clientSecret());
            assertThat(jdbc.sql("select count(*) from audit_entry where detail like ?")
                    .param("%" + credentials.clientSecret() + "%").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select client_secret from federation_peer where id = ?").param(peerId)
                    .query(String.class).single()).startsWith("sm4gcm:v1:").doesNotContain(credentials.clientSecret());

            Editor editor = newEditor("市场监管局");
            String name = "跨平台级联许可" + unique();
            Api.Response entry = published(editor, content(name));
            String code = entry.text("resourceCode");

            JsonNode hit = awaitHit(name, code, h -> h != null);
            assertThat(hit.get("origin").get("baseUrl").asString()).isEqualTo(anonymous.baseUrl());
            assertThat(hit.get("origin").get("platform").asString()).isNotBlank();
            assertThat(hit.get("departmentName").asString()).isEqualTo(editor.department().name());
            assertThat(hit.has("departmentId")).as("no department of the upper platform").isFalse();
            long upperId = hit.get("id").asLong();

            // a platform's own entries carry a null origin; a department's user upstream does not search the lower
            // regions
            Api.Response ownSearch = admin.get("/api/v1/catalog/search?q=" + encode(name));
            assertThat(ownSearch.json().get("items")).hasSize(1)
                    .allSatisfy(h -> assertThat(h.get("origin").isNull()).isTrue());
            Api upperClerk = upperUser(Role.CATALOG_EDITOR);
            assertThat(upperClerk.get("/api/v1/catalog/search?q=" + encode(name)).json().get("total").asLong())
                    .isZero();

            // never editable upstream
            Api.Response edit = upperAdmin.put("/api/v1/catalog/entries/" + upperId,
                    Map.of("content", content(name), "revision", 0));
            assertThat(edit.status()).as(edit.body()).isEqualTo(409);
            assertThat(edit.code()).isEqualTo("FOREIGN_ENTRY_READ_ONLY");
            Api.Response submit = upperClerk.post("/api/v1/catalog/entries/" + upperId + "/submit", Map.of());
            assertThat(submit.code()).isEqualTo("FOREIGN_ENTRY_READ_ONLY");
            Api.Response retire = upperAdmin.post("/api/v1/catalog/entries/" + upperId + "/retire",
                    Map.of("reason", "不再需要"));
            assertThat(retire.code()).isEqualTo("FOREIGN_ENTRY_READ_ONLY");

            // a department's business system of the upper platform cannot deliver catalogs
            Api.Response refused = upperClerkSystem().put("/api/v1/federation/catalog/entries/1", Map.of());
            assertThat(refused.status()).as(refused.body()).isIn(400, 403);

            // retired on the lower platform: gone upstream
            Api.Response retired = editor.api().post("/api/v1/catalog/entries/" + entry.id() + "/retire",
                    Map.of("reason", "停止办理"));
            assertThat(retired.status()).as(retired.body()).isEqualTo(200);
            awaitHit(name, code, h -> h == null);

            // a peer that was away catches up when it returns
            assertThat(admin.post("/api/v1/federation/peers/" + peerId + "/disable", Map.of()).json().get("enabled")
                    .asBoolean()).isFalse();
            String later = "停用期间发布目录" + unique();
            String laterCode = published(editor, content(later)).text("resourceCode");
            assertThat(admin.post("/api/v1/federation/peers/" + peerId + "/enable", Map.of()).json().get("enabled")
                    .asBoolean()).isTrue();
            awaitHit(later, laterCode, h -> h != null);
        } finally {
            assertThat(admin.delete("/api/v1/federation/peers/" + peerId).status()).isEqualTo(204);
        }
        assertThat(admin.get("/api/v1/federation/peers/" + peerId).status()).isEqualTo(404);
    }

    @Test
    void aPeerThatIsDownRecordsNothingAndCatchesUpWhenItReturns() throws Exception {
        Credentials credentials = upperSystemForThisPlatform();
        long peerId = admin.post("/api/v1/federation/peers", peer("上级平台" + unique(), upperAnonymous.baseUrl(),
                credentials.clientId(), credentials.clientSecret(), "UPPER")).id();
        try {
            int port = Integer.parseInt(upper.getEnvironment().getProperty("local.server.port"));
            upper.close();
            Editor editor = newEditor("交通运输局");
            String name = "上级平台停机期间发布" + unique();
            Api.Response entry = published(editor, content(name));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.get("/api/v1/federation/peers/" + peerId).json().get("lastError") == null) {
                assertThat(System.nanoTime()).as("the failed delivery is noted on the peer").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(jdbc.sql("select count(*) from federation_cascade where peer_id = ? and entry_id = ?")
                    .params(peerId, entry.id()).query(Long.class).single()).as("nothing recorded as delivered")
                    .isZero();

            upper = startUpper(port);
            awaitHit(name, entry.text("resourceCode"), h -> h != null);
            assertThat(jdbc.sql("select version from federation_cascade where peer_id = ? and entry_id = ?")
                    .params(peerId, entry.id()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            if (!upper.isActive()) {
                upper = startUpper(Integer.parseInt(upperAnonymous.baseUrl().replaceAll(".*:", "")));
            }
            assertThat(admin.delete("/api/v1/federation/peers/" + peerId).status()).isEqualTo(204);
        }
    }

    @Test
    void badPeersAreRefusedWithProblemsAndNothingIsRecorded() {
        String upperUrl = upperAnonymous.baseUrl();
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", "http://upper.example.gov.cn", "c", "s",
                "UPPER")), 400, "PEER_URL_NOT_HTTPS");
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", "not a url", "c", "s", "UPPER")), 400,
                "PEER_URL_INVALID");
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", "ftp://upper.example.gov.cn", "c", "s",
                "UPPER")), 400, "PEER_URL_INVALID");
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", "https://u:p@upper.example.gov.cn", "c",
                "s", "UPPER")), 400, "PEER_URL_INVALID");
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", upperUrl, "c", "s", "MIDDLE")), 400,
                "INVALID_VALUE");
        Map<String, Object> missing = peer("省平台", upperUrl, "c", "s", "UPPER");
        missing.remove("clientSecret");
        assertProblem(admin.post("/api/v1/federation/peers", missing), 400, "FIELD_REQUIRED");
        assertProblem(admin.post("/api/v1/federation/peers", Map.of()), 400, "FIELD_REQUIRED");
        // wrong credentials, or a peer that does not answer: a clear problem, nothing recorded
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", upperUrl, "nobody", "wrong", "UPPER")),
                502, "PEER_UNAVAILABLE");
        assertProblem(admin.post("/api/v1/federation/peers", peer("省平台", "http://127.0.0.1:1", "c", "s", "UPPER")),
                502, "PEER_UNAVAILABLE");
        assertThat(admin.get("/api/v1/federation/peers").body()).doesNotContain("127.0.0.1:1").doesNotContain("nobody");
        // only the system administrator
        assertProblem(reviewer.post("/api/v1/federation/peers", peer("省平台", upperUrl, "c", "s", "UPPER")), 403,
                "FORBIDDEN");
        assertProblem(reviewer.get("/api/v1/federation/peers"), 403, "FORBIDDEN");
    }

    @Test
    void aDepartmentOfTheUpperPlatformAppliesForDataKeptHereAndQueriesItThroughItsOwnPlatform() throws Exception {
        setUpData("上级转发");
        Credentials toUpper = upperSystemForThisPlatform();
        long upperPeer = admin.post("/api/v1/federation/peers", peer("上级平台" + unique(), upperAnonymous.baseUrl(),
                toUpper.clientId(), toUpper.clientSecret(), "UPPER")).id();
        Api.Response link = admin.post("/api/v1/systems", Map.of("departmentId", authorityDepartmentId(admin),
                "name", "上级平台跨级共享" + unique()));
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        try {
            String entryName = jdbc.sql("select v.name from catalog_entry e join catalog_version v on v.entry_id = e.id"
                    + " and v.version = e.published_version where e.id = ?").param(entryId).query(String.class).single();
            String code = jdbc.sql("select resource_code from catalog_entry where id = ?").param(entryId)
                    .query(String.class).single();
            long upperEntry = awaitHit(entryName, code, h -> h != null).get("id").asLong();

            Api upperClerk = upperUser(Role.DATA_USER);
            Api.Response upperSystemRegistered = upperAdmin.post("/api/v1/systems",
                    Map.of("departmentId", upperDepartment(), "name", "上级救助系统" + unique()));
            long upperSystemId = upperSystemRegistered.id();
            Api upperSystem = upperToken(upperSystemRegistered);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("entryId", upperEntry);
            form.put("items", java.util.List.of("gmsfhm", "xm", "xzqh"));
            form.put("purpose", "核查跨区域救助申请人的身份");
            form.put("useScenario", "市级救助审核时比对县级户籍信息");
            form.put("legalDuty", "《社会救助暂行办法》第十一条");
            form.put("periodFrom", today().toString());
            form.put("periodTo", today().plusDays(200).toString());
            form.put("ways", java.util.List.of("QUERY"));
            form.put("systems", java.util.List.of(upperSystemId));
            assertThat(upperClerk.get("/api/v1/catalog/search?q=" + encode(entryName)).json().get("total").asLong())
                    .as("a department's data user finds the lower platform's entry, to apply for it").isEqualTo(1);

            // no link to this platform on the upper one yet: nothing to apply through
            assertProblem(upperClerk.post("/api/v1/federation/applications", form), 409, "PEER_NOT_LINKED");
            Api.Response lower = upperAdmin.post("/api/v1/federation/peers", peer("下级平台" + unique(),
                    anonymous.baseUrl(), link.text("clientId"), link.text("clientSecret"), "LOWER"));
            assertThat(lower.status()).as(lower.body()).isEqualTo(201);

            JsonNode read = upperClerk.get("/api/v1/federation/entries/" + upperEntry).json();
            assertThat(read.get("linked").asBoolean()).isTrue();
            assertThat(Api.texts(read.get("items"), "name")).contains("gmsfhm", "xm", "xzqh", "zz");
            assertThat(read.get("applicantMaterials")).hasSize(MATERIALS.size());
            assertThat(upperClerk.get("/api/v1/federation/entries/" + entryId).status())
                    .as("an id of this platform means nothing there").isEqualTo(404);

            Map<String, Object> unknownItem = new LinkedHashMap<>(form);
            unknownItem.put("items", java.util.List.of("gmsfhm", "nonsense"));
            Api.Response refused = upperClerk.post("/api/v1/federation/applications", unknownItem);
            assertProblem(refused, 409, "PEER_REFUSED");
            assertThat(refused.text("detail")).as("that platform's reason, each broken rule").contains("items");
            assertThat(upperClerk.get("/api/v1/federation/applications").json()).as("nothing recorded").isEmpty();

            Api.Response applied = upperClerk.post("/api/v1/federation/applications", form);
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
            assertThat(applied.text("status")).isEqualTo("DRAFT");
            long mirror = applied.id();
            long remote = applied.json().get("remoteId").asLong();
            for (int i = 0; i < MATERIALS.size(); i++) {
                Api.Response sent = upperClerk.upload("/api/v1/federation/applications/" + mirror
                        + "/attachments?material=" + i, "file", "材料" + i + ".pdf", "application/pdf",
                        pdf("material " + i));
                assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            }
            Api.Response submitted = upperClerk.post("/api/v1/federation/applications/" + mirror + "/submit", Map.of());
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            assertThat(submitted.text("status")).isEqualTo("PENDING");
            assertThat(submitted.text("dueOn")).as("this platform's deadline, mirrored").isNotBlank();

            // here it is an application like any other, naming whom it is for
            Api.Response here = policeApprover.get("/api/v1/share/applications/" + remote);
            assertThat(here.status()).as(here.body()).isEqualTo(200);
            assertThat(here.text("appliedBy")).contains("上级卫健委", "（");
            assertThat(here.text("dueOn")).isEqualTo(submitted.text("dueOn"));
            assertProblem(upperSystem.post("/api/v1/federation/data/" + upperEntry + "/query",
                    Map.of("key", Map.of("gmsfhm", ZHANG))), 403, "NO_GRANT");
            Api.Response approved = policeApprover.post("/api/v1/share/applications/" + remote + "/approve", Map.of());
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            long grant = approved.json().get("grantIds").get(0).asLong();

            Api.Response mirrored = upperClerk.get("/api/v1/federation/applications/" + mirror);
            assertThat(mirrored.text("status")).isEqualTo("APPROVED");
            assertThat(mirrored.json().get("grantId").asLong()).isEqualTo(grant);
            assertThat(mirrored.json().get("grantActive").asBoolean()).isTrue();

            Api.Response found = upperSystem.post("/api/v1/federation/data/" + upperEntry + "/query",
                    Map.of("key", Map.of("gmsfhm", ZHANG)));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            JsonNode values = found.json().get("records").get(0).get("values");
            assertThat(values.get("xzqh").asString()).isEqualTo("370602");
            assertThat(values.get("gmsfhm").asString()).as("masked by this platform's grant")
                    .matches("370602\\*{8}\\d{3}[\\dX]");
            assertThat(found.body()).doesNotContain(ZHANG, "张三", "幸福路");
            Api.Response notCovered = upperSystem.post("/api/v1/federation/data/" + upperEntry + "/query",
                    Map.of("key", Map.of("gmsfhm", ZHANG), "items", java.util.List.of("zz")));
            assertProblem(notCovered, 403, "GRANT_DOES_NOT_COVER");
            assertProblem(upperClerkSystem().post("/api/v1/federation/data/" + upperEntry + "/query",
                    Map.of("key", Map.of("gmsfhm", ZHANG))), 403, "NO_GRANT");

            // both platforms record the use: here under the grant, naming the system and department there
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'share.data.query' and grant_id = ?"
                    + " and detail like ?").params(Long.toString(grant), "%relayed for 系统 %上级卫健委%")
                    .query(Long.class).single()).isGreaterThanOrEqualTo(1);
            JdbcClient upperJdbc = upper.getBean(JdbcClient.class);
            assertThat(upperJdbc.sql("select count(*) from audit_entry where action = 'federation.relay.query'"
                    + " and object_id = ? and grant_id = ? and purpose = ?")
                    .params(Long.toString(mirror), Long.toString(grant), "核查跨区域救助申请人的身份")
                    .query(Long.class).single()).isEqualTo(2);
            assertThat(upperClerk.get("/api/v1/federation/applications/" + mirror).json().get("uses").asLong())
                    .isEqualTo(1);

            // the link down: a clear problem, nothing used
            assertThat(upperAdmin.post("/api/v1/federation/peers/" + lower.id() + "/disable", Map.of()).status())
                    .isEqualTo(200);
            assertProblem(upperSystem.post("/api/v1/federation/data/" + upperEntry + "/query",
                    Map.of("key", Map.of("gmsfhm", ZHANG))), 502, "PEER_UNAVAILABLE");
            assertThat(upperClerk.get("/api/v1/federation/applications/" + mirror).text("status"))
                    .as("as last seen").isEqualTo("APPROVED");

            // a link is the only system here that applies on behalf of another platform's department
            Map<String, Object> forged = new LinkedHashMap<>(application(entryId));
            forged.put("onBehalfOf", "某人");
            assertProblem(civilUser.api().post("/api/v1/share/applications", forged), 400, "INVALID_VALUE");
        } finally {
            admin.delete("/api/v1/federation/peers/" + upperPeer);
        }
    }

    // --- the upper platform ----------------------------------------------------------------------------------

    private record Credentials(String clientId, String clientSecret) {
    }

    /** A connected system of the upper platform's data authority, created there for this platform. */
    private static Credentials upperSystemForThisPlatform() {
        long authority = upperAdmin.get("/api/v1/auth/me").json().get("departmentId").asLong();
        Api.Response system = upperAdmin.post("/api/v1/systems",
                Map.of("departmentId", authority, "name", "下级平台目录级联" + unique()));
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        return new Credentials(system.text("clientId"), system.text("clientSecret"));
    }

    private static long upperDepartment;

    /** A user of a department (not the authority) of the upper platform. */
    private static Api upperUser(Role role) {
        String username = "u" + unique();
        Api.Response created = upperAdmin.post("/api/v1/users", Map.of("username", username, "displayName", "上级用户",
                "departmentId", upperDepartment(), "roles", java.util.List.of(role.name()),
                "initialPassword", "Initial-Pass-2026"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api api = upperAnonymous.withToken(upperAnonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", "Initial-Pass-2026")).text("token"));
        assertThat(api.post("/api/v1/auth/password", Map.of("currentPassword", "Initial-Pass-2026", "newPassword",
                USER_PASSWORD)).status()).isEqualTo(204);
        return api;
    }

    private static Api upperClerkSystem() {
        Api.Response system = upperAdmin.post("/api/v1/systems",
                Map.of("departmentId", upperDepartment(), "name", "业务系统" + unique()));
        return upperToken(system);
    }

    /** A connected system of the upper platform, signed in there with its client credentials. */
    private static Api upperToken(Api.Response system) {
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        String basic = java.util.Base64.getEncoder().encodeToString((system.text("clientId") + ":"
                + system.text("clientSecret")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return upperAnonymous.withToken(upperAnonymous.postForm("/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic).text("access_token"));
    }

    private static long upperDepartment() {
        if (upperDepartment == 0) {
            long region = upperAdmin.get("/api/v1/auth/me").json().get("regionId").asLong();
            Api.Response created = upperAdmin.post("/api/v1/departments", Map.of("regionId", region, "name",
                    "上级卫健委" + unique(), "creditCode", randomCreditCode(), "type", "ADMINISTRATIVE_ORGAN"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            upperDepartment = created.id();
        }
        return upperDepartment;
    }

    private static Api firstAdminLogin(Api anonymous) {
        Api.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", "admin", "password", INITIAL_ADMIN_PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Api first = anonymous.withToken(login.text("token"));
        assertThat(first.post("/api/v1/auth/password", Map.of("currentPassword", INITIAL_ADMIN_PASSWORD,
                "newPassword", ADMIN_PASSWORD)).status()).isEqualTo(204);
        return first;
    }

    /** Waits (up to the contract's 60 s) until the upper's search for the name shows the code's hit as wanted. */
    private static JsonNode awaitHit(String name, String code, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Api.Response found = upperAdmin.get("/api/v1/catalog/search?q=" + encode(name));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            JsonNode hit = null;
            for (JsonNode item : found.json().get("items")) {
                if (code.equals(item.get("resourceCode").asString())) {
                    hit = item;
                }
            }
            if (wanted.test(hit)) {
                return hit;
            }
            assertThat(System.nanoTime()).as("the upper platform's search within 60 s for " + code)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> peer(String name, String baseUrl, String clientId, String clientSecret,
            String relation) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("name", name);
        peer.put("baseUrl", baseUrl);
        peer.put("clientId", clientId);
        peer.put("clientSecret", clientSecret);
        peer.put("relation", relation);
        return peer;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
