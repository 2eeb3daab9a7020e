package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.open.OpenFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The npm {@code ckanapi} client (DataShades' ckanapi-ts, installed unmodified by the build into
 * {@code src/test/node/ckanapi-client}) talks to this platform as to any CKAN site: it POSTs JSON to
 * {@code /api/3/action/…}, sends its token bare in {@code Authorization}, resolves with {@code result} and rejects
 * with CKAN's {@code error} object. Skipped where node or the installed client is missing, except in CI
 * ({@code CI=true}), where that is a failure.
 */
class CkanapiNpmClientTest extends OpenFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CLIENT = Path.of(System.getProperty("user.dir"), "src", "test", "node", "ckanapi-client");

    private Opened opened;

    @BeforeEach
    void setUp() {
        String problem = missing();
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("the npm CKAN client cannot run in CI: " + problem);
            }
            Assumptions.abort("the npm CKAN client cannot run here: " + problem);
        }
        setUpOpenData();
        opened = openedOffices(12);
    }

    @Test
    void theNpmClientSearchesShowsAndReadsTheDatastoreMasked() throws Exception {
        String organization = police.department().creditCode().toLowerCase();
        Map<String, JsonNode> answers = call("-",
                "status_show", Map.of(),
                "package_search", Map.of("q", "社区警务室", "fq", "organization:" + organization),
                "package_show", Map.of("id", opened.packageId()),
                "organization_show", Map.of("id", organization),
                "datastore_search", Map.of("resource_id", opened.resourceId(), "limit", 5,
                        "filters", Map.of("district", "福山区")));

        assertThat(answers.get("status_show").get("result").get("ckan_version").asString()).isNotBlank();
        JsonNode search = answers.get("package_search").get("result");
        assertThat(search.get("count").asInt()).isEqualTo(1);
        assertThat(search.get("results").get(0).get("id").asString()).isEqualTo(opened.packageId());
        JsonNode shown = answers.get("package_show").get("result");
        assertThat(shown.get("name").asString()).isEqualTo(opened.name());
        assertThat(shown.get("resources").get(0).get("datastore_active").asBoolean()).isTrue();
        assertThat(answers.get("organization_show").get("result").get("name").asString()).isEqualTo(organization);

        JsonNode records = answers.get("datastore_search").get("result");
        assertThat(records.get("records")).hasSize(5);
        assertThat(records.get("total").asInt()).isPositive();
        assertThat(records.get("records").get(0).get("phone").asString()).matches("139\\*{4}\\d{4}");
        for (String value : opened.personalValues()) {
            assertThat(records.toString()).as("the open rules' masking holds for this client too").doesNotContain(value);
        }
    }

    @Test
    void refusalsReachTheClientAsCkanErrors() throws Exception {
        Map<String, JsonNode> answers = call("gdk_forged0000000000000000000000",
                "package_show", Map.of("id", "no-such-dataset"),
                "datastore_search", Map.of("resource_id", "nope"),
                "datastore_search_sql", Map.of("sql", "select * from user_account"));

        assertThat(answers.get("package_show").get("error").get("__type").asString()).isEqualTo("Not Found Error");
        assertThat(answers.get("datastore_search").get("error").get("__type").asString()).isEqualTo("Not Found Error");
        assertThat(answers.get("datastore_search_sql").get("error").get("__type").asString())
                .isEqualTo("Authorization Error");
        answers.values().forEach(a -> assertThat(a.has("result")).as(a.toString()).isFalse());
    }

    /** Runs the client with pairs of action name and payload; answers by action name. */
    private Map<String, JsonNode> call(String token, Object... pairs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "calls.mjs", anonymous.baseUrl(), token));
        for (int i = 0; i < pairs.length; i += 2) {
            command.add((String) pairs[i]);
            command.add(JSON.writeValueAsString(pairs[i + 1]));
        }
        Process process = new ProcessBuilder(command).directory(CLIENT.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String line : new String(out, StandardCharsets.UTF_8).strip().split("\n")) {
            JsonNode answer = JSON.readTree(line);
            answers.put(answer.get("action").asString(), answer);
        }
        assertThat(answers).hasSize(pairs.length / 2);
        return answers;
    }

    /** Why the client cannot run here, or null. */
    private static String missing() {
        if (!Files.isRegularFile(CLIENT.resolve("node_modules/ckanapi/package.json"))) {
            return "not installed in " + CLIENT + " (the build's npm ci does that unless -Dskip.web=true)";
        }
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0 ? null : "node does not run";
        } catch (IOException | InterruptedException e) {
            return "no node: " + e.getMessage();
        }
    }
}
