package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govdata.support.Api;

/**
 * Population data for the lake's browser journeys: ID numbers with a valid check character, a published
 * catalog entry keyed by the ID number with a required name, and its dataset filled through the API.
 */
final class PopulationEntries {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private PopulationEntries() {
    }

    /** An ID number of 370602 (烟台市芝罘区) with its ISO 7064 MOD 11-2 check character. */
    static String id(String birth, String sequence) {
        String first17 = "370602" + birth + sequence;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A department-resource entry with the ID number as record key and a required name, published. */
    static long publishedEntry(Api editor, Api reviewer, String name) {
        return published(editor, reviewer, content(name, name + "，记录常住人口的身份号码和姓名。", "DAILY"));
    }

    /** The content of a population entry (ID number and name, personal information), shared and open as is. */
    static Map<String, Object> content(String name, String summary, String updateCycle) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("classification", Map.of("category", "DEPARTMENT", "item", "01", "target", "001"));
        content.put("summary", summary);
        content.put("format", "DATABASE");
        content.put("subFormat", "PostgreSQL");
        content.put("releaseDate", "2026-01-15");
        content.put("classified", false);
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", 18, true, "GB 11643"),
                item("xm", "姓名", 50, false, null)));
        content.put("shareType", "UNCONDITIONAL");
        content.put("shareMethod", "PLATFORM_INTERFACE");
        content.put("openType", "OPEN");
        content.put("updateCycle", updateCycle);
        return content;
    }

    /** The entry created by the editor, submitted, and published by the authority's reviewer. */
    static long published(Api editor, Api reviewer, Map<String, Object> content) {
        Api.Response created = editor.post("/api/v1/catalog/entries", Map.of("content", content));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        Api.Response submitted = editor.post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Api.Response published = reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    /** The dataset of a published entry, created by the department's data provider. */
    static long dataset(Api provider, long entryId) {
        Api.Response created = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    /** Uploads a UTF-8 CSV and waits for it to be applied. */
    static void upload(Api provider, long datasetId, String csv) {
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "population.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
    }

    private static Map<String, Object> item(String name, String chineseName, int length, boolean recordKey,
            String valueStandard) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("chineseName", chineseName);
        item.put("type", "CHARACTER");
        item.put("length", length);
        item.put("required", true);
        item.put("recordKey", recordKey);
        item.put("valueStandard", valueStandard);
        item.put("sensitivity", "PERSONAL_INFORMATION");
        return item;
    }
}
