package cn.govdata.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.govdata.GovdataApplication;
import cn.govdata.catalog.EntryContent;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.supervise.metric.MetricsBenchAccess;
import cn.govdata.support.Api;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supervision metrics for many departments over a year (issue #14, "Performance"): the platform in-process on a
 * database, a year of records for N departments generated straight into it ({@link SupervisionData}); then a full
 * compute of the metric inputs, an incremental run with nothing changed, one after a day's worth of changes by a
 * share of the departments (target < 10 s), and the dashboards' endpoints over HTTP (scorecards, region
 * averages, one drill-down, the dashboard's trends, comparison and overdue work; target p99 < 200 ms). Baseline in
 * the same run: the raw database doing the equivalent aggregate queries over every record. Arguments: JDBC URL,
 * user and password (empty for H2), data directory, departments, share of departments changed in the day, requests
 * per endpoint.
 */
public final class SupervisionMetricsBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        Path dataDir = Path.of(args[3]);
        int departments = Integer.parseInt(args[4]);
        double changedShare = Double.parseDouble(args[5]);
        int requests = Integer.parseInt(args[6]);
        List<String> database = new ArrayList<>(List.of("--spring.datasource.url=" + url));
        if (!user.isEmpty()) {
            database.add("--spring.datasource.username=" + user);
            database.add("--spring.datasource.password=" + password);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                .logStartupInfo(false)
                .run(java.util.stream.Stream.concat(database.stream(), java.util.stream.Stream.of(
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0",
                        "--govdata.data-dir=" + dataDir, "--govdata.bootstrap.admin-password=Bench-Admin-2026!",
                        // the bench runs the updates itself; a short overlap so that its reads come after it
                        "--govdata.supervise.metrics.interval=PT24H", "--govdata.supervise.metrics.overlap=PT2S",
                        "--govdata.supervise.detection-interval=PT24H",
                        "--govdata.catalog.index.check-interval=365d")).toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            LocalDate today = context.getBean(WorkingDayCalendar.class).today();
            int year = today.getYear();
            Api admin = login(new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port"))));
            long regionId = admin.get("/api/v1/auth/me").json().get("regionId").asLong();
            MetricsBenchAccess metrics = new MetricsBenchAccess(context);

            long start = System.nanoTime();
            SupervisionData data = new SupervisionData(jdbc, regionId, entryContent(context.getBean(JsonMapper.class)),
                    42, today);
            List<Long> ids = data.departments(departments, "基准");
            data.year(ids, SupervisionData.Sizes.ofAYear());
            System.out.printf("%-52s %d departments in %.1f s: %s%n", "generated a year of records (to yesterday)",
                    departments, seconds(start), counts(jdbc));

            Map<String, Double> raw = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                start = System.nanoTime();
                int rows = rawAggregates(jdbc, regionId, year, today);
                raw.put("run " + (i + 1) + " (" + rows + " rows)", seconds(start));
            }
            System.out.printf("%-52s %s%n", "baseline: raw aggregate queries, every record", seconds(raw));

            start = System.nanoTime();
            MetricsBenchAccess.Result full = metrics.recompute(regionId, year);
            System.out.printf("%-52s %.2f s (%d departments read)%n", "full compute", seconds(start),
                    full.departmentsRead());
            Thread.sleep(2500);
            start = System.nanoTime();
            MetricsBenchAccess.Result idle = metrics.refresh(regionId, year);
            System.out.printf("%-52s %.3f s (%d departments read)%n", "incremental run, nothing changed",
                    seconds(start), idle.departmentsRead());

            List<Long> changed = new ArrayList<>(ids);
            Collections.shuffle(changed, new Random(7));
            changed = changed.subList(0, (int) Math.round(ids.size() * changedShare));
            OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC);
            start = System.nanoTime();
            data.day(changed, ids, from, from.plusSeconds(1));
            System.out.printf("%-52s %d departments in %.1f s (3 deliveries, 1 entry, 2 applications submitted and 2 "
                    + "answered, 1 grant with usage, 1 obligation met and 1 new, 1 violation each)%n",
                    "generated a day's changes", changed.size(), seconds(start));
            start = System.nanoTime();
            MetricsBenchAccess.Result day = metrics.refresh(regionId, year);
            System.out.printf("%-52s %.2f s (%s, %d departments read; target < 10 s)%n",
                    "incremental run after a day's changes", seconds(start), day.kind(), day.departmentsRead());
            Thread.sleep(2500);

            HttpClient http = HttpClient.newHttpClient();
            String base = admin.baseUrl();
            long someone = ids.get(ids.size() / 2);
            for (String path : List.of("/api/v1/supervision/scorecards?year=" + year,
                    "/api/v1/supervision/scorecards/region?year=" + year,
                    "/api/v1/supervision/scorecards/" + year + "/departments/" + someone + "/metrics/deliveriesOnTime",
                    "/api/v1/supervision/dashboard/trends",
                    "/api/v1/supervision/dashboard/comparison?year=" + year + "&departmentId=" + someone,
                    "/api/v1/supervision/dashboard/overdue")) {
                System.out.printf("%-52s %s%n", "GET " + path.replaceAll("\\?.*|/\\d+/departments/\\d+", "…"),
                        latencies(http, base + path, admin.token(), requests));
            }
        }
    }

    /** The content of a complete entry as the catalog stores it (every generated entry carries it). */
    private static String entryContent(JsonMapper json) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", "基准目录");
        content.put("classification", Map.of("category", "DEPARTMENT", "item", "01", "target", "001"));
        content.put("summary", "基准目录，记录办理结果及办理时间。");
        content.put("format", "DATABASE");
        content.put("subFormat", "PostgreSQL");
        content.put("releaseDate", "2026-01-15");
        content.put("classified", false);
        content.put("dataItems", List.of(Map.of("name", "record_no", "chineseName", "登记编号", "type", "CHARACTER",
                "length", 32, "required", true, "recordKey", true, "sensitivity", "NONE")));
        content.put("shareType", "UNCONDITIONAL");
        content.put("shareMethod", "PLATFORM_INTERFACE");
        content.put("openType", "OPEN");
        content.put("updateCycle", "WEEKLY");
        return json.writeValueAsString(json.convertValue(content, EntryContent.class));
    }

    /**
     * What the metrics count, straight from the records in plain SQL (the delivery cycle as 7 calendar days rather
     * than the working-day calendar): the rows the aggregates return.
     */
    private static int rawAggregates(JdbcTemplate jdbc, long regionId, int year, LocalDate today) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        int rows = 0;
        rows += jdbc.queryForList("""
                select e.department_id, v.share_type, v.open_type, count(*) from catalog_entry e
                join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where e.region_id = ? and not e.retired group by e.department_id, v.share_type, v.open_type""",
                regionId).size();
        rows += jdbc.queryForList("""
                select department_id, sum(record_count) from lake_dataset where region_id = ? group by department_id""",
                regionId).size();
        rows += jdbc.queryForList("""
                select department_id, count(*), sum(case when previous is null or finished_at <= previous + interval '7' day
                    then 1 else 0 end), sum(rows_read), sum(rows_accepted)
                from (select d.department_id, b.finished_at, b.rows_read, b.rows_accepted,
                        lag(b.finished_at) over (partition by b.dataset_id order by b.finished_at) previous
                      from lake_batch b join lake_dataset d on d.id = b.dataset_id
                      where d.region_id = ? and b.status = 'APPLIED') x
                where finished_at >= ? group by department_id""", regionId,
                first.atStartOfDay().atOffset(ZoneOffset.ofHours(8))).size();
        rows += jdbc.queryForList("""
                select provider_department_id, count(*),
                    sum(case when decided_at is not null and cast(decided_at as date) <= due_on then 1 else 0 end)
                from share_application where region_id = ? and submitted_at is not null and due_on between ? and ?
                    and (decided_at is not null or due_on < ?) group by provider_department_id""",
                regionId, first, last, today).size();
        rows += jdbc.queryForList("""
                select g.provider_department_id, count(distinct g.id), sum(u.records), sum(u.requests)
                from share_grant g left join share_grant_usage u on u.grant_id = g.id and u.usage_day between ? and ?
                where g.region_id = ? and g.valid_from <= ? and (g.valid_until is null or g.valid_until >= ?)
                group by g.provider_department_id""", first, last, regionId, last, first).size();
        rows += jdbc.queryForList("""
                select department_id, count(*), sum(case when submitted_at is not null
                    and cast(submitted_at as date) <= due_date then 1 else 0 end)
                from catalog_obligation where region_id = ? and due_date between ? and ?
                    and (submitted_at is not null or due_date < ?) group by department_id""",
                regionId, first, last, today).size();
        rows += jdbc.queryForList("""
                select department_a, count(*) from lake_discrepancy where region_id = ? and status = 'OPEN'
                group by department_a""", regionId).size();
        rows += jdbc.queryForList("""
                select department_id, count(*) from supervise_violation where region_id = ?
                    and detected_on between ? and ? group by department_id""", regionId, first, last).size();
        return rows;
    }

    private static String counts(JdbcTemplate jdbc) {
        StringBuilder counts = new StringBuilder();
        for (String table : List.of("catalog_entry", "catalog_obligation", "lake_dataset", "lake_batch",
                "share_application", "share_grant", "share_grant_usage", "share_objection", "lake_discrepancy",
                "supervise_violation")) {
            counts.append(table).append(' ').append(jdbc.queryForObject("select count(*) from " + table, Long.class))
                    .append(", ");
        }
        return counts.substring(0, counts.length() - 2);
    }

    private static String latencies(HttpClient http, String url, String token, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "zh-CN").build();
        for (int i = 0; i < 5; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        double[] millis = new double[requests];
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            check(response);
            bytes = response.body().length();
        }
        Arrays.sort(millis);
        return String.format("%d requests: median %.1f ms, p99 %.1f ms, max %.1f ms (%d chars; target p99 < 200 ms)",
                requests, millis[requests / 2], millis[(int) Math.ceil(requests * 0.99) - 1], millis[requests - 1],
                bytes);
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static String seconds(Map<String, Double> runs) {
        StringBuilder text = new StringBuilder();
        runs.forEach((run, s) -> text.append(String.format("%s %.2f s; ", run, s)));
        return text.substring(0, text.length() - 2);
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
