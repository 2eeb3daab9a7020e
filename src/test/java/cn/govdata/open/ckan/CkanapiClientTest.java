package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.open.OpenFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference client, unmodified: CKAN's Python {@code ckanapi} (in {@code ../shared/tools/ckanapi} beside the
 * repository, run with Debian's python3) searches, shows, reads the datastore and dumps a dataset with its data
 * from this platform as from any CKAN site. Skipped where python3 or the client is missing, except in CI
 * ({@code CI=true}), where that is a failure.
 */
class CkanapiClientTest extends OpenFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Opened opened;
    private Path client;

    @BeforeEach
    void setUp() {
        client = Path.of(System.getProperty("user.dir")).resolve("../shared/tools/ckanapi").normalize();
        String problem = missing(client);
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("the reference CKAN client cannot run in CI: " + problem);
            }
            Assumptions.abort("the reference CKAN client cannot run here: " + problem);
        }
        setUpOpenData();
        opened = openedOffices(15);
    }

    @Test
    void theReferenceClientSearchesShowsReadsAndDumps(@TempDir Path dumps) throws Exception {
        String site = anonymous.baseUrl();
        String organization = police.department().creditCode().toLowerCase();

        JsonNode search = JSON.readTree(run("action", "package_search", "-r", site, "q=社区警务室",
                "fq=organization:" + organization, "-j"));
        assertThat(search.get("count").asInt()).isEqualTo(1);
        assertThat(search.get("results").get(0).get("name").asString()).isEqualTo(opened.name());

        JsonNode shown = JSON.readTree(run("action", "package_show", "-r", site, "id=" + opened.packageId(), "-g", "-j"));
        assertThat(shown.get("name").asString()).isEqualTo(opened.name());
        assertThat(shown.get("resources").get(0).get("url").asString()).startsWith(site + "/datastore/dump/");

        JsonNode records = JSON.readTree(run("action", "datastore_search", "-r", site, "resource_id=" + opened.resourceId(),
                "limit=5", "filters:{\"district\":\"福山区\"}", "-j"));
        assertThat(records.get("total").asInt()).isEqualTo(8);
        assertThat(records.get("records")).hasSize(5);
        assertThat(records.get("records").get(0).get("phone").asString()).matches("139\\*{4}\\d{4}");

        run("dump", "datasets", opened.name(), "-r", site, "-D", dumps.toString(), "-q");
        Path dataset = dumps.resolve(opened.name());
        assertThat(dataset.resolve("datapackage.json")).exists();
        List<Path> files;
        try (Stream<Path> data = Files.list(dataset.resolve("data"))) {
            files = data.toList();
        }
        assertThat(files).hasSize(1);
        String csv = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF_id,office_no").contains("JWS0015").contains("139****0015");
        for (String value : opened.personalValues()) {
            assertThat(csv).doesNotContain(value);
        }
    }

    /**
     * Runs ckanapi's command line and returns what it printed; fails on a non-zero exit. The client is a package
     * without its console script, which {@code dump} starts its workers with: a launcher named {@code ckanapi} on
     * the path stands in for it.
     */
    private String run(String... arguments) throws IOException, InterruptedException {
        Path bin = Files.createTempDirectory("ckanapi-bin");
        Path launcher = bin.resolve("ckanapi");
        Files.writeString(launcher, "#!/usr/bin/python3\nimport sys\nfrom ckanapi.cli.main import main\nsys.exit(main())\n");
        launcher.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("PYTHONPATH", client.toString());
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Why the client cannot run here, or null. */
    private static String missing(Path client) {
        if (!Files.isDirectory(client.resolve("ckanapi"))) {
            return "no ckanapi in " + client;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return "no /usr/bin/python3";
        }
        try {
            ProcessBuilder probe = new ProcessBuilder("/usr/bin/python3", "-c", "import ckanapi.cli.main")
                    .redirectErrorStream(true);
            probe.environment().put("PYTHONPATH", client.toString());
            Process process = probe.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0 ? null
                    : "python3 cannot import it (apt-get install python3-docopt python3-requests python3-slugify "
                            + "python3-simplejson): " + output.strip();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }
}
