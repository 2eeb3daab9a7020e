package cn.govdata.bench;

import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.catalog.search.CatalogBenchAccess.Query;
import cn.govdata.lake.ingest.LakeBenchAccess;
import cn.govdata.open.release.OpenBenchAccess;
import cn.govdata.open.release.PublicNames;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data portal at scale, on PostgreSQL (bench/open-portal.sh): the platform in demo mode in this process;
 * generated catalog entries of a new region, all open, opened for the public; then
 * <ol>
 * <li>{@code package_search} over HTTP (what the portal's search calls) with mixed Chinese queries, facets and
 * filters, from 1 and 8 threads, against the raw database doing the same work on the same table (LIKE per word,
 * count, first page, a count per facet);</li>
 * <li>many concurrent anonymous readers: wrk (a second process) with 1,000 connections over dataset pages
 * ({@code package_show}), searches and previews ({@code datastore_search});</li>
 * <li>the demo's police offices grown to N records and downloaded as CSV, desensitised, against {@code psql \copy}
 * of the same columns, with this process's peak heap.</li>
 * </ol>
 * Arguments: JDBC URL, user, password, datasets, rows, queries, psql connection URL, work directory.
 */
public final class OpenPortalBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] DISTRICTS = { "芝罘区", "福山区", "牟平区", "莱山区", "蓬莱区" };
    private static final String NAMES = "王李张刘陈杨赵黄周吴孙于";

    private OpenPortalBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int datasets = Integer.parseInt(args[3]);
        int rows = Integer.parseInt(args[4]);
        int queryCount = Integer.parseInt(args[5]);
        String psql = args[6];
        Path work = Path.of(args[7]);
        // which parts to run (search, readers, download); a database seeded by an earlier run is reused
        List<String> parts = List.of((args.length > 8 ? args[8] : "search,readers,download").split(","));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                        "--govdata.data-dir=" + (args.length > 9 ? Path.of(args[9]) : work.resolve("data")), "--govdata.demo=true",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=" + args[1],
                        "--spring.datasource.password=" + args[2], "--govdata.bootstrap.admin-password=Demo-Admin-2026",
                        "--govdata.catalog.index.check-interval=365d",
                        // every reader of the bench calls from this one address
                        "--govdata.open.key.anonymous-per-minute=0")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            DataSource db = context.getBean(DataSource.class);

            long start = System.nanoTime();
            CatalogSearchBench.Seeded seeded = reused(db);
            if (seeded == null) {
                seeded = CatalogSearchBench.seed(db, context.getBean(JsonMapper.class), datasets, OpenType.OPEN);
                int opened = OpenBenchAccess.openAll(context, seeded.region());
                analyze(db);
                System.out.printf("%-44s %,d entries generated, %,d opened, in %.1f s%n", "open datasets", datasets,
                        opened, (System.nanoTime() - start) / 1e9);
            } else {
                cn.govdata.open.ckan.PackageIndexBenchAccess.awaitReady(context);
                System.out.printf("%-44s region %d of an earlier run, reused; index rebuilt in %.1f s%n",
                        "open datasets", seeded.region(), (System.nanoTime() - start) / 1e9);
            }

            Api anonymous = new Api(port);
            List<String> searches = searches(db, CatalogSearchBench.queries(new Random(7), queryCount, seeded.departments()));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ToLongFunction<String> platform = query -> count(http, port, query);
            ToLongFunction<String> raw = query -> rawSearch(db, query);
            if (!parts.contains("search")) {
                searches = searches.subList(0, Math.min(300, searches.size()));
            }
            // warmed up on other searches: the index keeps recent searches' hits, and the first run asks each anew
            List<String> others = searches(db, CatalogSearchBench.queries(new Random(11), 300, seeded.departments()));
            CatalogSearchBench.run("warm-up", 1, others, platform, 0, false);
            CatalogSearchBench.run("warm-up", 1, searches.subList(0, Math.min(300, searches.size())), raw, 0, false);
            System.out.printf("%-36s %8s %9s %11s %9s %12s %10s%n", "run", "threads", "queries", "median ms", "p99 ms",
                    "queries/s", "mean hits");
            if (parts.contains("search")) {
                CatalogSearchBench.run("package_search, first time", 1, searches, platform, 0, true);
                CatalogSearchBench.run("package_search, asked again", 1, searches, platform, 0, true);
                CatalogSearchBench.run("package_search, asked again", 8, searches, platform, 0, true);
                CatalogSearchBench.run("raw SQL (LIKE, count, page, facets)", 1, searches, raw, 0, true);
                CatalogSearchBench.run("raw SQL (LIKE, count, page, facets)", 8, searches, raw, 0, true);
            }

            JsonNode police = anonymous.get("/api/3/action/package_search?q=" + encode("社区警务室")).json()
                    .get("result").get("results").get(0);
            String resourceId = police.get("resources").get(0).get("id").asString();
            if (parts.contains("readers")) {
                readers(db, work, port, searches, resourceId);
            }
            if (parts.contains("download")) {
                download(context, anonymous, port, rows, resourceId, psql, work);
            }
        }
    }

    /** The region an earlier run generated in this database, with its departments; null if there is none. */
    private static CatalogSearchBench.Seeded reused(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select r.id from region r where r.name = '基准测试市' and exists (select 1 from open_dataset d"
                        + " join department p on p.id = d.department_id where p.region_id = r.id) order by r.id desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long region = rs.getLong(1);
            List<Long> departments = new ArrayList<>();
            try (PreparedStatement d = c.prepareStatement("select id from department where region_id = ? order by id")) {
                d.setLong(1, region);
                try (ResultSet ids = d.executeQuery()) {
                    while (ids.next()) {
                        departments.add(ids.getLong(1));
                    }
                }
            }
            return new CatalogSearchBench.Seeded(region, departments.stream().mapToLong(Long::longValue).toArray(), 0, 0, 0);
        }
    }

    // --- search -------------------------------------------------------------------------------------------

    /** The queries as package_search query strings: words, Solr filters, the portal's facets, 20 a page. */
    private static List<String> searches(DataSource db, List<Query> queries) throws Exception {
        List<String> out = new ArrayList<>();
        for (Query q : queries) {
            StringBuilder s = new StringBuilder("rows=20&facet.field=").append(encode("[\"organization\",\"update_cycle\",\"source_format\"]"));
            if (!q.q().isBlank()) {
                s.append("&q=").append(encode(q.q()));
            }
            List<String> fq = new ArrayList<>();
            if (q.departmentId() != null) {
                fq.add("organization:" + PublicNames.organizationName(creditCode(db, q.departmentId())));
            }
            if (q.format() != null) {
                fq.add("source_format:" + q.format());
            }
            if (q.updateCycle() != null) {
                fq.add("update_cycle:" + q.updateCycle());
            }
            if (!fq.isEmpty()) {
                s.append("&fq=").append(encode(String.join(" AND ", fq)));
            }
            out.add(s.toString());
        }
        return out;
    }

    private static long count(HttpClient http, int port, String query) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/3/action/package_search?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("result").get("count").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String[] FACETS = { "organization", "update_cycle", "source_format" };

    /** The same search done raw: every word in the search text, the filters, count, first page, facet counts. */
    private static long rawSearch(DataSource db, String query) {
        Map<String, String> p = parse(query);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from open_dataset d where d.public_state = 'active'");
        for (String word : p.getOrDefault("q", "").split(" ")) {
            if (!word.isBlank()) {
                where.append(" and d.search_text like ?");
                args.add("%" + word + "%");
            }
        }
        for (String clause : p.getOrDefault("fq", "").split(" AND ")) {
            if (!clause.isBlank()) {
                String[] kv = clause.split(":", 2);
                where.append(" and d.").append(kv[0]).append(" = ?");
                args.add(kv[1]);
            }
        }
        try (Connection c = db.getConnection()) {
            long total;
            try (PreparedStatement ps = CatalogSearchBench.prepare(c, "select count(*)" + where, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            try (PreparedStatement ps = CatalogSearchBench.prepare(c, "select d.package_id, d.content" + where
                    + " order by d.metadata_modified desc limit 20", args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                }
            }
            for (String facet : FACETS) {
                try (PreparedStatement ps = CatalogSearchBench.prepare(c, "select d." + facet + ", count(*)" + where + " group by d." + facet,
                        args); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- readers ------------------------------------------------------------------------------------------

    /** wrk with 1,000 connections over dataset pages, searches and previews; prints its summary. */
    private static void readers(DataSource db, Path work, int port, List<String> searches, String resourceId)
            throws Exception {
        List<String> paths = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select package_id from open_dataset where public_state = 'active' order by id limit 5000");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                paths.add("/api/3/action/package_show?id=" + rs.getString(1));
            }
        }
        Random random = new Random(3);
        int shows = paths.size();
        for (int i = 0; i < shows; i++) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                paths.add("/api/3/action/package_search?" + searches.get(random.nextInt(searches.size())));
            } else if (kind < 5) {
                paths.add("/api/3/action/datastore_search?resource_id=" + resourceId + "&limit=10&offset="
                        + random.nextInt(100));
            }
        }
        java.util.Collections.shuffle(paths, random);
        Path list = work.resolve("paths.txt");
        Files.write(list, paths, StandardCharsets.UTF_8);
        Path script = Path.of("bench/open/readers.lua").toAbsolutePath();
        // readers without a pause (the stack's saturation) and 1,000 readers who read each answer for about 2 s
        for (int[] run : new int[][] { { 100, 0 }, { 1000, 0 }, { 1000, 2000 } }) {
            int connections = run[0];
            ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d30s", "--timeout", "10s",
                    "--latency", "-s", script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true);
            builder.environment().put("PATHS", list.toString());
            builder.environment().put("THINK_MS", Integer.toString(run[1]));
            Process wrk = builder.start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            System.out.println("readers, " + connections + " connections" + (run[1] == 0 ? ", no pause" : ", each pausing "
                    + run[1] / 2 + "-" + run[1] * 3 / 2 + " ms between requests") + " (wrk -t2, 30 s; dataset pages 60 %,"
                    + " searches 20 %, previews 20 %):");
            out.lines().filter(l -> l.contains("Latency") || l.contains("50%") || l.contains("99%")
                    || l.contains("Requests/sec") || l.contains("requests in") || l.contains("Socket errors")
                    || l.contains("Non-2xx") || l.startsWith("RESULT")).forEach(l -> System.out.println("  " + l.strip()));
        }
    }

    // --- download -----------------------------------------------------------------------------------------

    private static void download(ConfigurableApplicationContext context, Api anonymous, int port, int rows,
            String resourceId, String psql, Path work) throws Exception {
        Api provider = anonymous.withToken(anonymous.post("/api/v1/auth/login",
                Map.of("username", "provider", "password", "Demo-Pass-2026")).text("token"));
        long datasetId = -1;
        for (JsonNode d : provider.get("/api/v1/lake/datasets").json()) {
            if ("社区警务室信息".equals(d.get("name").asString())) {
                datasetId = d.get("id").asLong();
            }
        }
        Path csv = work.resolve("offices.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("office_no,office_name,district,officer,phone,officer_id\n");
            for (int n = 1; n <= rows; n++) {
                String district = DISTRICTS[n % DISTRICTS.length];
                String first17 = "370602" + String.format("%04d%02d%02d", 1960 + n % 40, 1 + n % 12, 1 + n % 28)
                        + String.format("%03d", n % 1000);
                out.write("JWS" + String.format("%07d", n) + "," + district + "第" + n + "社区警务室," + district + ","
                        + NAMES.charAt(n % NAMES.length()) + "警官," + String.format("139%08d", n) + ","
                        + LakeBenchAccess.idNumber(first17) + "\n");
            }
        }
        long start = System.nanoTime();
        long batch = ShareAccessBench.upload(port, provider.token(), datasetId, csv);
        JsonNode report;
        do {
            Thread.sleep(1000);
            report = provider.get("/api/v1/lake/datasets/" + datasetId + "/batches/" + batch).json();
        } while ("RUNNING".equals(report.get("status").asString()));
        System.out.printf("%-44s %s, %,d accepted, in %.1f s%n", "police offices loaded", report.get("status").asString(),
                report.get("rowsAccepted").asLong(), (System.nanoTime() - start) / 1e9);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        String header = null;
        // the first download reads and masks every record; the second is the file the first one left
        for (String run : List.of("platform CSV download (desensitised)", "  again, from the file kept")) {
            start = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/datastore/dump/" + resourceId + "?format=csv")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                StringBuilder first = new StringBuilder();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        } else if (lines == 0) {
                            first.append((char) (buffer[i] & 0xff));
                        }
                    }
                    bytes += n;
                }
                header = new String(first.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-44s %,d rows, %,d MB in %.1f s = %,.0f rows/s; heap in use %,d MB before, peak %,d MB%n",
                    run, lines - 1, bytes >> 20, seconds, (lines - 1) / seconds, before >> 20, peak.get() >> 20);
        }
        sampler.interrupt();

        List<String> columns = new ArrayList<>();
        for (String name : header.replace("\uFEFF", "").strip().split(",")) {
            if (!name.startsWith("_")) {
                columns.add("c_" + name);
            }
        }
        Path raw = work.resolve("raw.csv");
        start = System.nanoTime();
        Process copy = new ProcessBuilder("psql", "-q", psql, "-c", "\\copy (select " + String.join(", ", columns)
                + " from lake_ds_" + datasetId + ") to '" + raw + "' csv header").inheritIO().start();
        copy.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        long rawLines;
        try (var stream = Files.lines(raw)) {
            rawLines = stream.count() - 1;
        }
        System.out.printf("%-44s %,d rows, %,d MB in %.1f s = %,.0f rows/s (columns %s)%n", "raw psql \\copy to",
                rawLines, Files.size(raw) >> 20, seconds, rawLines / seconds, String.join(",", columns));
    }

    // --- small things -------------------------------------------------------------------------------------

    private static String creditCode(DataSource db, long departmentId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select credit_code from department where id = ?")) {
            ps.setLong(1, departmentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void analyze(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
