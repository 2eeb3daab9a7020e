package cn.govdata.open.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;

/**
 * A whole dump open to anyone is kept as a file and served again from it while the dataset's state is the same; a
 * new batch, a change of the rules or a withdrawal is never answered from an older file, and only whole, unmarked
 * dumps are kept.
 */
class DumpFilesApiTest extends OpenFixtures {

    @Value("${govdata.data-dir}")
    private String dataDir;

    @BeforeEach
    void setUp() {
        setUpOpenData();
    }

    @Test
    void aWholeDumpIsServedFromItsFileUntilTheDataOrTheRulesChange() throws IOException {
        List<String> personal = new ArrayList<>();
        long entryId = publishedWithRecords(policeOffices(), officesCsv(30, personal));
        Opened opened = open(entryId, officeRules(), personal);
        String dump = "/datastore/dump/" + opened.resourceId();

        String first = anonymous.download(dump).text();
        assertThat(first.lines()).hasSize(31);
        Path kept = onlyKept(entryId, ".csv-bom");
        assertThat(Files.readString(kept, StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(anonymous.download(dump).text()).isEqualTo(first);

        // the file is what answers while the state is the same: what it holds is what a reader gets
        Files.writeString(kept, first + "kept\r\n", StandardCharsets.UTF_8);
        assertThat(anonymous.download(dump).text()).endsWith("kept\r\n");
        // a part of the dataset, or another format, is read from the lake and not kept in place of the whole
        assertThat(anonymous.download(dump + "?fields=office_no,phone").text()).doesNotContain("kept")
                .contains("139****");
        assertThat(anonymous.download(dump + "?format=json").text()).doesNotContain("kept");
        assertThat(onlyKept(entryId, ".csv-bom")).isEqualTo(kept);

        // a new batch: the dump is read again, and the older file goes
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId(entryId) + "/batches?wait=true",
                "file", "more.csv", "text/csv", officesCsv(32, personal).getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        String grown = anonymous.download(dump).text();
        assertThat(grown.lines()).hasSize(33);
        assertThat(grown).doesNotContain("kept").contains("JWS0032");
        assertThat(onlyKept(entryId, ".csv-bom")).isNotEqualTo(kept);
        assertThat(Files.exists(kept)).isFalse();

        // new rules: the officer's name fully masked, the mobile no longer released
        Api.Response changed = provider.put("/api/v1/open/datasets/" + opened.id() + "/rules",
                Map.of("rules", List.of(rule("officer", "FULL"), rule("phone", "DROP"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String masked = anonymous.download(dump).text();
        assertThat(onlyKept(entryId, ".csv-bom")).exists();
        assertThat(masked.lines().findFirst().orElseThrow()).doesNotContain("phone").contains("officer");
        assertThat(masked).doesNotContain("139****");
        for (String value : personal) {
            assertThat(masked).doesNotContain(value);
        }

        // withdrawn: refused, whatever file is kept
        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + opened.id() + "/withdraw",
                Map.of("reason", "警务室调整，数据待更新"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(Path.of(dataDir, "open", "dumps", Long.toString(entryId))).as("the kept dumps are deleted")
                .doesNotExist();
        Api.Download refused = anonymous.download(dump);
        assertThat(refused.status()).isIn(403, 404);
        assertThat(refused.text()).doesNotContain("JWS0001");
    }

    private long datasetId(long entryId) {
        for (var dataset : provider.get("/api/v1/lake/datasets").json()) {
            if (dataset.get("entryId").asLong() == entryId) {
                return dataset.get("id").asLong();
            }
        }
        throw new AssertionError("no dataset of entry " + entryId);
    }

    private Path onlyKept(long entryId, String variant) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(dataDir, "open", "dumps", Long.toString(entryId)))) {
            List<Path> kept = files.filter(f -> f.getFileName().toString().endsWith(variant)).toList();
            assertThat(kept).hasSize(1);
            return kept.get(0);
        }
    }
}
