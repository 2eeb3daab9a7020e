package cn.govdata.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.govdata.lake.ingest.LakeBenchAccess;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Sets up the sharing benchmark against a running platform in demo mode (bench/share-access.sh): loads a
 * population of the given size into the public-security bureau's 人口基本信息 dataset through the bulk upload,
 * lets the civil-affairs bureau apply for it with a connected system, has the bureau's approver grant it
 * (identity number, name, division; verification, query and exchange; quotas high enough for a load test),
 * and writes what the load tool needs into the work directory: the system's bearer token, the entry id, and
 * a sample of the ID numbers loaded.
 */
public final class ShareAccessBench {

    private static final String PASSWORD = "Demo-Pass-2026";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌宇浩";

    private ShareAccessBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Api anonymous = new Api(port);
        Api provider = login(anonymous, "provider");
        Api approver = login(anonymous, "approver");
        Api user = login(anonymous, "datauser");
        Api admin = login(anonymous, "admin", "Demo-Admin-2026");

        JsonNode dataset = null;
        for (JsonNode d : provider.get("/api/v1/lake/datasets").json()) {
            if ("人口基本信息".equals(d.get("name").asString())) {
                dataset = d;
            }
        }
        if (dataset == null) {
            throw new IllegalStateException("the demo population dataset is missing: start the platform with GOVDATA_DEMO=true");
        }
        long datasetId = dataset.get("id").asLong();
        long entryId = dataset.get("entryId").asLong();

        Path csv = work.resolve("population.csv");
        long start = System.nanoTime();
        List<String> sample = generate(csv, rows);
        Files.write(work.resolve("keys.txt"), sample, StandardCharsets.UTF_8);
        System.out.printf("%-34s %,d rows, %,d MB, in %.1f s%n", "file generated", rows, Files.size(csv) >> 20,
                (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        long batch = upload(port, provider.token(), datasetId, csv);
        JsonNode report;
        do {
            Thread.sleep(1000);
            report = provider.get("/api/v1/lake/datasets/" + datasetId + "/batches/" + batch).json();
        } while ("RUNNING".equals(report.get("status").asString()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-34s %s: %,d accepted, %,d rejected in %.1f s (%,.0f rows/s over HTTP)%n", "loaded",
                report.get("status").asString(), report.get("rowsAccepted").asLong(), report.get("rowsRejected").asLong(),
                seconds, rows / seconds);

        long departmentId = user.get("/api/v1/auth/me").json().get("departmentId").asLong();
        Api.Response system = admin.post("/api/v1/systems", Map.of("departmentId", departmentId, "name", "低保核对系统（压测）"));
        check(system, 201);
        JsonNode entry = user.get("/api/v1/catalog/entries/" + entryId).json();
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("entryId", entryId);
        application.put("items", List.of("id_number", "full_name", "household_division"));
        application.put("purpose", "最低生活保障审核时核验申请人身份");
        application.put("useScenario", "低保审核系统比对申请人的姓名与公民身份号码");
        application.put("legalDuty", "《社会救助暂行办法》第十一条");
        application.put("periodFrom", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        application.put("periodTo", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
        application.put("ways", List.of("VERIFICATION", "QUERY", "EXCHANGE"));
        application.put("systems", List.of(system.id()));
        Api.Response drafted = user.post("/api/v1/share/applications", application);
        check(drafted, 201);
        JsonNode materials = entry.get("published").get("content").get("applicantMaterials");
        for (int i = 0; materials != null && i < materials.size(); i++) {
            check(user.upload("/api/v1/share/applications/" + drafted.id() + "/attachments?material=" + i, "file",
                    "材料" + i + ".pdf", "application/pdf", ("%PDF-1.7\n% bench material " + i + "\n%%EOF\n")
                            .getBytes(StandardCharsets.ISO_8859_1)), 201);
        }
        check(user.post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()), 200);
        check(approver.post("/api/v1/share/applications/" + drafted.id() + "/approve",
                Map.of("rateLimit", 10_000, "dailyQuota", 1_000_000_000L)), 200);

        String basic = Base64.getEncoder().encodeToString((system.text("clientId") + ":" + system.text("clientSecret"))
                .getBytes(StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + basic);
        check(token, 200);
        Files.writeString(work.resolve("token"), token.text("access_token"));
        Files.writeString(work.resolve("entry"), Long.toString(entryId));
        Files.writeString(work.resolve("dataset"), Long.toString(datasetId));
        System.out.printf("%-34s entry %d, dataset %d, grant for system %d%n", "granted", entryId, datasetId, system.id());
    }

    private static Api login(Api anonymous, String username) {
        return login(anonymous, username, PASSWORD);
    }

    private static Api login(Api anonymous, String username, String password) {
        Api.Response login = anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", password));
        check(login, 200);
        return anonymous.withToken(login.text("token"));
    }

    private static void check(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
    }

    /** Streams the file as a multipart upload, valid rows accepted; returns the batch id. */
    static long upload(int port, String token, long datasetId, Path csv) throws Exception {
        String boundary = "----govdata-bench";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + csv.getFileName() + "\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/lake/datasets/"
                + datasetId + "/batches?acceptValid=true"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        String body = response.body();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    /**
     * Valid population rows in the demo entry's layout, distinct ID numbers (check digit, birth date and sex
     * agreeing) over the counties of the shipped division list; returns every twentieth ID number (at most
     * 100,000) for the load tool to ask for.
     */
    private static List<String> generate(Path file, int rows) throws IOException {
        List<String> counties = LakeIngestBench.counties();
        Random random = new Random(20261125);
        int[] perCounty = new int[counties.size()];
        List<String> sample = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id_number,full_name,gender,ethnicity,birth_date,household_division,household_address\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                int county = random.nextInt(counties.size());
                int k = perCounty[county]++;
                if (k >= 1000) {
                    throw new IllegalStateException("too many rows for distinct ID numbers");
                }
                String division = counties.get(county);
                LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(30_000));
                boolean male = k % 2 == 1;
                String id = LakeBenchAccess.idNumber(division + birth.toString().replace("-", "")
                        + String.format("%03d", k));
                if (i % 20 == 0 && sample.size() < 100_000) {
                    sample.add(id);
                }
                line.setLength(0);
                line.append(id).append(',').append(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                        .append(GIVEN.charAt(random.nextInt(GIVEN.length()))).append(',').append(male ? '1' : '2')
                        .append(",01,").append(birth).append(',').append(division).append(",示范路")
                        .append(1 + random.nextInt(300)).append("号\n");
                out.write(line.toString());
            }
        }
        return sample;
    }
}
