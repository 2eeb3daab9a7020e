package cn.govdata.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.lake.quality.IdNumber;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A killed process mid-batch leaves the dataset exactly as it was (issue #4, bad input). The platform runs as a
 * separate JVM (demo mode, its own data directory; on PostgreSQL when the suite runs there, in a schema of its
 * own); two large uploads are started — a later batch of the demo population dataset, which is staged, and the
 * first load of an empty dataset, which on PostgreSQL writes into its current table inside one open
 * transaction (on H2 it is staged too) — and the
 * JVM is killed with SIGKILL while both are running. After a restart both batches are failed as interrupted,
 * the population dataset shows exactly the records it had, the new dataset is empty, and nothing is left in
 * staging.
 */
class LakeCrashTest {

    private static final String SCHEMA = "lake_crash_test";
    private static final int ROWS = 150_000;

    @TempDir
    Path dataDir;

    private Process platform;

    @AfterEach
    void stop() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroyForcibly().waitFor();
        }
    }

    @Test
    void killingThePlatformMidBatchLeavesEveryDatasetAsItWas() throws Exception {
        int port = freePort();
        platform = start(port);
        Api provider = login(port, "provider");

        long population = datasetNamed(provider, "人口基本信息");
        JsonNode before = provider.get("/api/v1/lake/datasets/" + population + "/records?size=500").json();
        assertThat(before.get("total").asLong()).isEqualTo(300);
        long licences = createDataset(provider, "居民身份证电子证照");

        long staged = submit(provider, population, populationFile());
        long firstLoad = submit(provider, licences, licenceFile());
        awaitRowsRead(provider, population, staged);
        awaitRowsRead(provider, licences, firstLoad);

        platform.destroyForcibly().waitFor();  // SIGKILL: no shutdown hook, no rollback by the application
        platform = start(port);
        provider = login(port, "provider");

        for (long[] batch : new long[][] { { population, staged }, { licences, firstLoad } }) {
            JsonNode report = provider.get("/api/v1/lake/datasets/" + batch[0] + "/batches/" + batch[1]).json();
            assertThat(report.get("status").asString()).isEqualTo("FAILED");
            assertThat(report.get("message").asString()).contains("中断");
        }
        JsonNode after = provider.get("/api/v1/lake/datasets/" + population + "/records?size=500").json();
        assertThat(after.get("total").asLong()).isEqualTo(300);
        assertThat(after.get("records")).isEqualTo(before.get("records"));
        assertThat(provider.get("/api/v1/lake/datasets/" + population).json().get("recordCount").asLong()).isEqualTo(300);
        assertThat(provider.get("/api/v1/lake/datasets/" + licences + "/records").json().get("total").asLong()).isZero();
        assertThat(provider.get("/api/v1/lake/datasets/" + licences).json().get("recordCount").asLong()).isZero();

        // and the datasets take the next batch as if nothing had happened
        byte[] one = ("licence_no,id_number,full_name,valid_until\nL-1," + resident(1) + ",张三,2036-01-01\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response retried = provider.upload("/api/v1/lake/datasets/" + licences + "/batches?wait=true", "file",
                "licences.csv", "text/csv", one);
        assertThat(retried.text("status")).as(retried.body()).isEqualTo("APPLIED");
        assertThat(provider.get("/api/v1/lake/datasets/" + licences).json().get("recordCount").asLong()).isEqualTo(1);
    }

    // --- the platform as a process -------------------------------------------------------------------------

    private Process start(int port) throws IOException, InterruptedException, SQLException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "cn.govdata.GovdataApplication");
        Map<String, String> env = builder.environment();
        env.put("GOVDATA_DATA_DIR", dataDir.toString());
        env.put("GOVDATA_DEMO", "true");
        env.put("GOVDATA_ADMIN_PASSWORD", "Demo-Admin-2026");
        env.put("SERVER_PORT", Integer.toString(port));
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            if (platform == null) {
                dropSchema(url);
            }
            env.put("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
            env.put("SPRING_FLYWAY_SCHEMAS", SCHEMA);
        }
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("platform.log").toFile());
        Process process = builder.start();
        Api anonymous = new Api(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the platform stopped; see %s", dataDir.resolve("platform.log")).isTrue();
            try {
                if (anonymous.get("/actuator/health").status() == 200
                        && anonymous.post("/api/v1/auth/login", Map.of("username", "provider", "password",
                                "Demo-Pass-2026")).status() == 200) {
                    return process;
                }
            } catch (IllegalStateException notYetListening) {
                // connection refused while the platform starts
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform did not start within 180 s");
    }

    private static void dropSchema(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                System.getenv("SPRING_DATASOURCE_PASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- the provider's requests ---------------------------------------------------------------------------

    private static Api login(int port, String username) {
        Api anonymous = new Api(port);
        Api.Response login = anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", "Demo-Pass-2026"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return anonymous.withToken(login.text("token"));
    }

    private static long datasetNamed(Api provider, String name) {
        for (JsonNode dataset : provider.get("/api/v1/lake/datasets").json()) {
            if (name.equals(dataset.get("name").asString())) {
                return dataset.get("id").asLong();
            }
        }
        throw new AssertionError("no dataset " + name);
    }

    private static long createDataset(Api provider, String name) {
        for (JsonNode entry : provider.get("/api/v1/catalog/entries").json()) {
            JsonNode published = entry.get("published");
            if (published != null && !published.isNull() && name.equals(published.get("content").get("name").asString())) {
                Api.Response created = provider.post("/api/v1/lake/datasets", Map.of("entryId", entry.get("id").asLong()));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                return created.id();
            }
        }
        throw new AssertionError("no published entry " + name);
    }

    private static long submit(Api provider, long dataset, byte[] file) {
        Api.Response submitted = provider.upload("/api/v1/lake/datasets/" + dataset + "/batches", "file", "big.csv",
                "text/csv", file);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.text("status")).isEqualTo("RUNNING");
        return submitted.id();
    }

    /** Waits until the batch has visibly read rows, and is still running. */
    private static void awaitRowsRead(Api provider, long dataset, long batch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode report = provider.get("/api/v1/lake/datasets/" + dataset + "/batches/" + batch).json();
            assertThat(report.get("status").asString()).as("the batch ended before the kill; make the file larger")
                    .isEqualTo("RUNNING");
            if (report.get("rowsRead").asLong() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("batch " + batch + " read no rows within 60 s");
    }

    // --- the files -----------------------------------------------------------------------------------------

    /** The demo's 300 residents with new addresses, then new residents: a later batch that changes records. */
    private static byte[] populationFile() {
        StringBuilder csv = new StringBuilder(ROWS * 100)
                .append("id_number,full_name,gender,ethnicity,birth_date,household_division,household_address\n");
        for (int n = 0; n < ROWS; n++) {
            String id = resident(n);
            csv.append(id).append(",居民").append(n).append(',').append(sex(id)).append(",01,")
                    .append(id, 6, 10).append('-').append(id, 10, 12).append('-').append(id, 12, 14)
                    .append(",370602,烟台市芝罘区新址路").append(n).append("号\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] licenceFile() {
        StringBuilder csv = new StringBuilder(ROWS * 60).append("licence_no,id_number,full_name,valid_until\n");
        for (int n = 0; n < ROWS; n++) {
            csv.append("L-").append(n).append(',').append(resident(n)).append(",居民").append(n).append(",2036-01-01\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The demo data's resident numbering (LakeDemoData) for the first 300, then new residents; all distinct. */
    private static String resident(int n) {
        String birth = String.format("%04d%02d%02d", 1950 + n % 55, 1 + n % 12, 1 + n % 28);
        String first17 = "370602" + birth + String.format("%03d", (100 + n) % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static String sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }
}
