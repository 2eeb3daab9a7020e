package cn.govdata.e2e;

import static cn.govdata.e2e.PopulationEntries.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * An open dataset for the portal's journeys, made as officials make it through the platform's API: a published
 * population entry (ID number and name, both personal information) open unconditionally or on a condition, its
 * dataset with three people, opened by the providing department after a passed review with the default
 * desensitisation rules — and confirmed by the data authority where the region asks it to.
 *
 * @param title the dataset's name, Chinese only (a search finds it by its words)
 * @param packageName its name in the public API and in the portal's address
 * @param department the providing department's name
 * @param idNumbers the people's ID numbers as stored (they must never reach the public)
 * @param names their names as stored
 */
record OpenedPopulation(String title, String packageName, String department, List<String> idNumbers,
        List<String> names) {

    static final String CONDITION = "仅限科研机构用于公益性研究，不得用于商业目的";

    /** 36 characters for the 36 letters and digits of a unique suffix, so that the title stays Chinese. */
    private static final String CHINESE = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川江河湖海";
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    static String chinese(String unique) {
        StringBuilder text = new StringBuilder();
        for (char c : unique.toLowerCase().toCharArray()) {
            text.append(CHINESE.charAt(ALPHABET.indexOf(c)));
        }
        return text.toString();
    }

    /**
     * @param editor the department's catalog editor
     * @param provider its data provider
     * @param reviewer the authority's catalog reviewer (publishes the entry, confirms the opening)
     */
    static OpenedPopulation open(Api editor, Api provider, Api reviewer, String department, String unique,
            boolean conditional) {
        String title = (conditional ? "港区暂住人口名册" : "港区流动人口登记") + chinese(unique);
        long entryId = publishedEntry(editor, reviewer, title, conditional);
        long datasetId = PopulationEntries.dataset(provider, entryId);
        List<String> idNumbers = List.of(id("19800101", "123"), id("19921231", "456"), id("20010615", "789"));
        List<String> names = List.of("张三丰", "李四海", "王五岳");
        StringBuilder csv = new StringBuilder("公民身份号码,姓名\n");
        for (int i = 0; i < idNumbers.size(); i++) {
            csv.append(idNumbers.get(i)).append(',').append(names.get(i)).append('\n');
        }
        PopulationEntries.upload(provider, datasetId, csv.toString());

        Api.Response check = provider.get("/api/v1/open/entries/" + entryId + "/check");
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("openable").asBoolean()).as(check.body()).isTrue();
        List<Map<String, Object>> answers = Arrays.stream(new String[] { "NATIONAL_SECURITY", "SECRECY",
                "PERSONAL_INFORMATION_AND_COMMERCIAL_SECRETS", "INFORMATION_RISK", "SOCIAL_BENEFIT" })
                .map(aspect -> Map.<String, Object>of("aspect", aspect, "passed", true, "note", "经审查，可以开放（脱敏后）"))
                .toList();
        Map<String, Object> review = Map.of("reviewer", "王审查（保密办）", "reviewedOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "answers", answers);
        Api.Response opened = provider.post("/api/v1/open/datasets", Map.of("entryId", entryId, "review", review,
                "rules", List.of()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode opening = opened.json();
        if (opening.get("state").asString().equals("AWAITING_CONFIRMATION")) {
            Api.Response confirmed = reviewer.post("/api/v1/open/datasets/" + opening.get("id").asLong() + "/confirm",
                    Map.of("note", "同意开放"));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            opening = confirmed.json();
        }
        assertThat(opening.get("state").asString()).as(opening.toString()).isEqualTo("OPEN");
        return new OpenedPopulation(title, opening.get("packageName").asString(), department, idNumbers, names);
    }

    /** A department-resource entry keyed by the ID number, with the name; open as asked; published. */
    private static long publishedEntry(Api editor, Api reviewer, String title, boolean conditional) {
        Map<String, Object> content = PopulationEntries.content(title,
                title + "，记录在港区居住人员的身份号码和姓名，供研究人口流动使用。", "MONTHLY");
        if (conditional) {
            content.put("openType", "CONDITIONAL_OPEN");
            content.put("openCondition", CONDITION);
        }
        return PopulationEntries.published(editor, reviewer, content);
    }
}
