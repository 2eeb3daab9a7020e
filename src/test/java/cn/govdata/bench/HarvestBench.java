package cn.govdata.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.federation.harvest.CkanShapedSource;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A harvest of a generated CKAN-shaped source (the tests' {@link CkanShapedSource}, on loopback) through the real
 * API: the platform in-process on an H2 file database, the source registered and run by the system administrator
 * over HTTP. Times the first harvest of every dataset, a run with nothing changed, and a run after a tenth changed
 * and a hundredth deleted; the baseline is reading the same pages from the source without keeping anything.
 * Arguments: JDBC URL, data directory, datasets.
 */
public final class HarvestBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dataDir = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        try (CkanShapedSource source = new CkanShapedSource();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                        .logStartupInfo(false)
                        .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                                "--govdata.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                                "--govdata.bootstrap.admin-password=Bench-Admin-2026!",
                                "--govdata.federation.allow-http-loopback=true",
                                "--govdata.federation.harvest.check-interval=PT24H",
                                "--govdata.catalog.index.check-interval=365d")) {
            String[] organizations = { "市交通运输局", "市生态环境局", "市卫生健康委员会", "市市场监督管理局", "市自然资源和规划局" };
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                source.put(String.format("ds%06d", i), "公共数据集第" + i + "号（" + organizations[i % 5] + "）",
                        organizations[i % 5]);
            }
            System.out.printf("%-44s %d datasets in %.1f s%n", "source generated", count, seconds(start));

            Api anonymous = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            Api admin = login(anonymous);
            Api.Response registered = admin.post("/api/v1/federation/harvest/sources", Map.of("name", "生成的CKAN来源",
                    "kind", "CKAN", "url", source.url(), "intervalMinutes", 60));
            if (registered.status() != 201) {
                throw new IllegalStateException(registered.body());
            }
            long id = registered.id();

            start = System.nanoTime();
            int pages = rawRead(source.url());
            double raw = seconds(start);
            System.out.printf("%-44s %d pages in %.1f s%n", "baseline: the same pages read, nothing kept", pages, raw);

            run(admin, id, "first harvest (all new)");
            run(admin, id, "second harvest (nothing changed)");
            for (int i = 0; i < count; i += 10) {
                source.put(String.format("ds%06d", i), "公共数据集第" + i + "号（修订）", organizations[i % 5]);
            }
            for (int i = 5; i < count; i += 100) {
                source.delete(String.format("ds%06d", i));
            }
            run(admin, id, "third harvest (a tenth changed, 1 % deleted)");
        }
    }

    private static void run(Api admin, long id, String label) {
        long start = System.nanoTime();
        Api.Response run = admin.post("/api/v1/federation/harvest/sources/" + id + "/run", Map.of());
        double took = seconds(start);
        JsonNode r = run.json();
        if (run.status() != 200 || !r.get("succeeded").asBoolean()) {
            throw new IllegalStateException(run.body());
        }
        System.out.printf("%-44s %.1f s: created %d, updated %d, unchanged %d, withdrawn %d, failed %d%n", label, took,
                r.get("created").asInt(), r.get("updated").asInt(), r.get("unchanged").asInt(),
                r.get("withdrawn").asInt(), r.get("failed").asInt());
    }

    /** The source's pages as the harvester asks for them (500 rows from the first stamp on), parsed and dropped. */
    private static int rawRead(String site) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        int pages = 0;
        for (int start = 0;; start += 500) {
            String query = "include_deleted=true&rows=500&start=" + start + "&sort="
                    + URLEncoder.encode("metadata_modified asc", StandardCharsets.UTF_8) + "&fq="
                    + URLEncoder.encode("metadata_modified:[* TO *]", StandardCharsets.UTF_8);
            String body = http.send(HttpRequest.newBuilder(URI.create(site + "/api/3/action/package_search?" + query))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            pages++;
            if (json.readTree(body).get("result").get("results").size() < 500) {
                return pages;
            }
        }
    }

    private static Api login(Api anonymous) {
        Api.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", "admin", "password", "Bench-Admin-2026!"));
        if (login.status() != 200) {
            throw new IllegalStateException(login.body());
        }
        Api admin = anonymous.withToken(login.text("token"));
        admin.post("/api/v1/auth/password", Map.of("currentPassword", "Bench-Admin-2026!",
                "newPassword", "Bench-Admin-2027!"));
        return admin;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
