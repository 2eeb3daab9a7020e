package cn.govdata.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-time push throughput over HTTP (bench/lake-push.sh): a connected system of the demo 公安局 pushes
 * population records into the dataset of 人口基本信息 with client credentials, each request with its own request
 * id and records not sent before (up to 1,260,000), so every request is validated and applied. Reports
 * records/s and request latency (median, p99) for batches of 1 and of 500 records. Not a test.
 *
 * <p>Arguments: base URL, concurrency, seconds per run.
 */
public final class LakePushBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private LakePushBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int concurrency = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String admin = login(base, "admin", "Bench-Admin-2026");
        String provider = login(base, "provider", "Demo-Pass-2026");
        JsonNode me = get(base, provider, "/api/v1/auth/me");
        long entryId = -1;
        for (JsonNode entry : get(base, provider, "/api/v1/catalog/entries")) {
            if (entry.path("published").path("content").path("name").asString("").equals("人口基本信息")) {
                entryId = entry.get("id").asLong();
            }
        }
        long datasetId = post(base, provider, "/api/v1/lake/datasets", Map.of("entryId", entryId)).get("id").asLong();
        JsonNode system = post(base, admin, "/api/v1/systems",
                Map.of("departmentId", me.get("departmentId").asLong(), "name", "人口信息推送基准"));
        String basic = Base64.getEncoder().encodeToString((system.get("clientId").asString() + ":"
                + system.get("clientSecret").asString()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer = JSON.readTree(token.body()).get("access_token").asString();
        System.out.printf("%-24s %8s %8s %10s %12s %10s %10s %8s%n", "run", "batch", "threads", "requests",
                "records/s", "median ms", "p99 ms", "errors");
        for (int batch : new int[] { 1, 500 }) {
            run(base, bearer, datasetId, batch, concurrency, seconds);
        }
    }

    private static void run(String base, String bearer, long datasetId, int batch, int concurrency, int seconds)
            throws Exception {
        String path = base + "/api/v1/lake/datasets/" + datasetId + "/records";
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<List<Long>>> results = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int t = 0; t < concurrency; t++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    byte[] body = JSON.writeValueAsBytes(request(batch));
                    long start = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(path))
                            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - start);
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        all.sort(null);
        double records = (double) all.size() * batch / seconds;
        System.out.printf("%-24s %8d %8d %10d %12.0f %10.1f %10.1f %8d%n", "push over HTTP", batch, concurrency,
                all.size(), records, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
                errors.get());
    }

    /** Records with valid ID numbers (GB 11643 check character) and sex and birth date agreeing with them. */
    private static Map<String, Object> request(int batch) {
        List<Map<String, Object>> records = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long n = SEQUENCE.incrementAndGet();
            // birth year, month, day and sequence vary together: 1,260,000 distinct ID numbers before one repeats
            String birth = String.format("%04d%02d%02d", 1950 + (n / 21_000) % 60, 1 + n % 12, 1 + n % 28);
            String sequence = String.format("%03d", n % 1000);
            String first17 = "370602" + birth + sequence;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id_number", first17 + check(first17));
            record.put("full_name", "居民" + n);
            record.put("gender", (n % 1000) % 2 == 1 ? "1" : "2");  // GB 11643: an odd 17th digit is a man
            record.put("birth_date", birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6));
            record.put("household_division", "370602");
            records.add(record);
        }
        return Map.of("requestId", "bench-" + SEQUENCE.incrementAndGet(), "records", records);
    }

    private static char check(String first17) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static String login(String base, String user, String password) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("token").asString();
    }

    private static JsonNode get(String base, String token, String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode post(String base, String token, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
