package cn.govdata.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.GovdataApplication;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A relayed keyed query across two platforms on one machine (issue #13: at most 5 ms added to the median of the
 * direct one). Two demo platforms in-process, each on its own H2 file database: the lower one keeps the demo
 * population register; the upper one is linked both ways (the catalog cascades up; the lower is its LOWER peer).
 * The upper's data user applies through the upper platform, the lower's approver approves; the lower's own data
 * user holds a direct grant with the same items for comparison. Then the same keyed queries, interleaved, directly
 * on the lower platform and relayed through the upper one, each with its grant check, masking and audit entries.
 * Arguments: two JDBC URLs (lower, upper), a work directory, queries.
 */
public final class FederationRelayBench {

    private static final String PASSWORD = "Demo-Pass-2026";
    private static final String ADMIN = "Demo-Admin-2026";

    private FederationRelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int queries = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext lower = start(args[0], Path.of(args[2], "lower"), "县级平台");
                ConfigurableApplicationContext upper = start(args[1], Path.of(args[2], "upper"), "市级平台")) {
            Api lowerApi = new Api(port(lower));
            Api upperApi = new Api(port(upper));
            Api lowerAdmin = login(lowerApi, "admin", ADMIN);
            Api upperAdmin = login(upperApi, "admin", ADMIN);

            // the links: the upper platform for the cascade, the lower one for applications and relays
            Api.Response toUpper = check(upperAdmin.post("/api/v1/systems", Map.of("departmentId",
                    departmentOf(upperAdmin), "name", "县级平台目录级联")), 201);
            check(lowerAdmin.post("/api/v1/federation/peers", peer("市级平台", upperApi.baseUrl(), toUpper, "UPPER")), 201);
            Api.Response toLower = check(lowerAdmin.post("/api/v1/systems", Map.of("departmentId",
                    departmentOf(lowerAdmin), "name", "市级平台跨级共享")), 201);
            check(upperAdmin.post("/api/v1/federation/peers", peer("县级平台", lowerApi.baseUrl(), toLower, "LOWER")), 201);

            Api upperUser = login(upperApi, "datauser", PASSWORD);
            long foreignEntry = awaitForeignEntry(upperUser);
            Api.Response upperSystem = check(upperAdmin.post("/api/v1/systems", Map.of("departmentId",
                    departmentOf(upperUser), "name", "市级救助系统（压测）")), 201);
            Map<String, Object> form = application(foreignEntry, upperSystem.id());
            Api.Response applied = check(upperUser.post("/api/v1/federation/applications", form), 201);
            Api lowerApprover = login(lowerApi, "approver", PASSWORD);
            int materials = upperUser.get("/api/v1/federation/entries/" + foreignEntry).json()
                    .get("applicantMaterials").size();
            for (int i = 0; i < materials; i++) {
                check(upperUser.upload("/api/v1/federation/applications/" + applied.id() + "/attachments?material=" + i,
                        "file", "材料" + i + ".pdf", "application/pdf", pdf(i)), 201);
            }
            check(upperUser.post("/api/v1/federation/applications/" + applied.id() + "/submit", Map.of()), 200);
            JsonNode remote = check(lowerApprover.get("/api/v1/share/applications/"
                    + applied.json().get("remoteId").asLong()), 200).json();
            check(lowerApprover.post("/api/v1/share/applications/" + remote.get("id").asLong() + "/approve",
                    Map.of("rateLimit", 10_000, "dailyQuota", 1_000_000_000L)), 200);
            check(upperUser.get("/api/v1/federation/applications/" + applied.id()), 200);

            long lowerEntry = remote.get("entryId").asLong();
            Api lowerUser = login(lowerApi, "datauser", PASSWORD);
            Api.Response lowerSystem = check(lowerAdmin.post("/api/v1/systems", Map.of("departmentId",
                    departmentOf(lowerUser), "name", "县级救助系统（压测）")), 201);
            Api.Response drafted = check(lowerUser.post("/api/v1/share/applications",
                    application(lowerEntry, lowerSystem.id())), 201);
            for (int i = 0; i < materials; i++) {
                check(lowerUser.upload("/api/v1/share/applications/" + drafted.id() + "/attachments?material=" + i,
                        "file", "材料" + i + ".pdf", "application/pdf", pdf(i)), 201);
            }
            check(lowerUser.post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()), 200);
            check(lowerApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve",
                    Map.of("rateLimit", 10_000, "dailyQuota", 1_000_000_000L)), 200);

            Api direct = system(lowerApi, lowerSystem);
            Api relayed = system(upperApi, upperSystem);
            long datasetId = lower.getBean(JdbcClient.class).sql("select id from lake_dataset where entry_id = ?")
                    .param(lowerEntry).query(Long.class).single();
            List<String> keys = lower.getBean(JdbcClient.class).sql("select record_key from lake_ds_" + datasetId)
                    .query(String.class).list();
            System.out.printf("# %d keyed queries each way, interleaved, over %d records; one client thread%n",
                    queries, keys.size());

            String directPath = "/api/v1/share/data/" + lowerEntry + "/query";
            String relayedPath = "/api/v1/federation/data/" + foreignEntry + "/query";
            for (int i = 0; i < 200; i++) { // warm-up: JIT, connection pools, token caches
                ask(direct, directPath, keys.get(i % keys.size()));
                ask(relayed, relayedPath, keys.get(i % keys.size()));
            }
            long[] directNanos = new long[queries];
            long[] relayedNanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                String key = keys.get((i * 7) % keys.size());
                directNanos[i] = ask(direct, directPath, key);
                relayedNanos[i] = ask(relayed, relayedPath, key);
            }
            report("direct (lower platform)", directNanos);
            report("relayed (upper → lower)", relayedNanos);
            Arrays.sort(directNanos);
            Arrays.sort(relayedNanos);
            System.out.printf("%-34s %.2f ms (target at most 5 ms)%n", "added to the median by the relay",
                    (relayedNanos[queries / 2] - directNanos[queries / 2]) / 1e6);
        }
    }

    private static long ask(Api api, String path, String key) {
        long start = System.nanoTime();
        Api.Response answer = api.post(path, Map.of("key", Map.of("id_number", key)));
        long took = System.nanoTime() - start;
        if (answer.status() != 200 || answer.json().get("total").asLong() != 1) {
            throw new IllegalStateException(path + " " + answer.status() + " " + answer.body());
        }
        return took;
    }

    private static void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s median %.2f ms, p90 %.2f ms, p99 %.2f ms%n", label, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir, String name) {
        return new SpringApplicationBuilder(GovdataApplication.class).logStartupInfo(false)
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                        "--govdata.data-dir=" + dataDir, "--spring.datasource.url=" + url, "--govdata.demo=true",
                        "--govdata.bootstrap.admin-password=" + ADMIN, "--govdata.federation.allow-http-loopback=true",
                        "--govdata.federation.platform-name=" + name, "--govdata.federation.cascade-interval=PT2S",
                        "--govdata.catalog.index.check-interval=365d");
    }

    private static long awaitForeignEntry(Api upperUser) throws InterruptedException {
        for (int attempt = 0; attempt < 240; attempt++) {
            JsonNode hits = upperUser.get("/api/v1/catalog/search?q=" + java.net.URLEncoder.encode("人口基本信息",
                    StandardCharsets.UTF_8)).json().get("items");
            for (JsonNode hit : hits) {
                if (!hit.get("origin").isNull()) {
                    return hit.get("id").asLong();
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the lower platform's population register never reached the upper one");
    }

    private static Map<String, Object> application(long entryId, long systemId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("entryId", entryId);
        application.put("items", List.of("id_number", "full_name", "household_division"));
        application.put("purpose", "最低生活保障审核时核验申请人身份");
        application.put("useScenario", "低保审核系统比对申请人的姓名与公民身份号码");
        application.put("legalDuty", "《社会救助暂行办法》第十一条");
        application.put("periodFrom", today.toString());
        application.put("periodTo", today.plusDays(30).toString());
        application.put("ways", new ArrayList<>(List.of("QUERY")));
        application.put("systems", List.of(systemId));
        return application;
    }

    private static Map<String, Object> peer(String name, String baseUrl, Api.Response system, String relation) {
        return Map.of("name", name, "baseUrl", baseUrl, "clientId", system.text("clientId"), "clientSecret",
                system.text("clientSecret"), "relation", relation);
    }

    private static Api system(Api anonymous, Api.Response system) {
        String basic = Base64.getEncoder().encodeToString((system.text("clientId") + ":" + system.text("clientSecret"))
                .getBytes(StandardCharsets.UTF_8));
        return anonymous.withToken(check(anonymous.postForm("/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic), 200).text("access_token"));
    }

    private static long departmentOf(Api api) {
        return api.get("/api/v1/auth/me").json().get("departmentId").asLong();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static Api login(Api anonymous, String username, String password) {
        return anonymous.withToken(check(anonymous.post("/api/v1/auth/login", Map.of("username", username,
                "password", password)), 200).text("token"));
    }

    private static byte[] pdf(int i) {
        return ("%PDF-1.7\n% bench material " + i + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Api.Response check(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return response;
    }
}
