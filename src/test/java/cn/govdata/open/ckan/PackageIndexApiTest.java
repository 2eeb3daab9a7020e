package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.open.OpenFixtures;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.support.Api;

/**
 * The search index of the open datasets: a dataset opened or withdrawn through the API is found, or gone, in the
 * index at once on this node; and the index answers every search it takes exactly as SQL does — the same count,
 * the same page in the same order, the same facets.
 */
class PackageIndexApiTest extends OpenFixtures {

    private static final List<String> ALL_FACETS = List.of("organization", "groups", "tags", "res_format", "license_id",
            "update_cycle", "open_type", "source_format");

    @Autowired
    PackageSearch search;
    @Autowired
    PackageIndex index;

    private String organization;

    @BeforeEach
    void setUp() throws InterruptedException {
        setUpOpenData();
        organization = police.department().creditCode().toLowerCase();
        assertThat(index.awaitReady(Duration.ofSeconds(60))).as("the index was built at start").isTrue();
    }

    @Test
    void aDatasetOpenedIsFoundAtOnceAndAWithdrawnOneDisappears() {
        Opened opened = openedOffices(2);
        PackageSearch.Query byName = query(null, List.of("name:" + opened.name()), List.of(), 10, 0);
        PackageSearch.Result found = search.search(byName, PackageSearch.Way.INDEX);
        assertThat(found.count()).as("in the index as soon as the opening returned").isEqualTo(1);
        assertThat(found.datasets()).extracting(OpenedDataset::packageId).containsExactly(opened.packageId());
        assertThat(ckan("package_search?q=" + encode("社区警务室") + "&fq=" + encode("name:" + opened.name()))
                .get("count").asInt()).isEqualTo(1);

        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + opened.id() + "/withdraw",
                Map.of("reason", "调整"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(search.search(byName, PackageSearch.Way.INDEX).count()).as("gone from the index at once").isZero();
        assertThat(ckan("package_search?fq=" + encode("name:" + opened.name())).get("count").asInt()).isZero();
        assertThat(index.indexFingerprint()).as("index and database agree").isEqualTo(index.databaseFingerprint());
    }

    @Test
    void theIndexAnswersAsSqlDoes() {
        Opened a = openedOffices(2);
        Opened b = openedOffices(3);
        Opened c = openedOffices(2);
        // a dataset with the words in its summary but not in its name: relevance then orders
        Map<String, Object> duty = policeOffices();
        duty.put("name", "民警值守表" + unique());
        List<String> personal = new ArrayList<>();
        Opened d = open(publishedWithRecords(duty, officesCsv(2, personal)), officeRules(), personal);
        List<PackageSearch.Query> queries = new ArrayList<>();
        List<String> ours = List.of("organization:" + organization);
        for (String q : List.of("社区警务室", "社区民警联系方式", "警", "室", "联系电话 芝罘区", "不存在的词语xyz", "office_no",
                "警务室编号", "信息", a.resourceCode(), "全市 name:" + b.name(), "text:民警")) {
            queries.add(query(q, ours, List.of(), 20, 0));
            queries.add(query(q, List.of(), List.of(), 5, 0));
        }
        for (String fq : List.of("tags:联系电话", "-name:" + a.name(), "groups:*", "-groups:*", "-update_cycle:monthly",
                "update_cycle:MONTHLY", "res_format:csv", "-res_format:csv", "license_id:nothing", "tags:*",
                "-tags:联系电话", "open_type:(OPEN OR CONDITIONAL_OPEN)", "id:" + c.packageId().toUpperCase(),
                "-text:夜间", "text:\"社区 民警\"", "owner_org:*", "title:*", "source_format:*", "-source_format:database")) {
            queries.add(query(null, List.of(fq), List.of(), 20, 0));
            queries.add(query("警务室", List.of(fq, ours.get(0)), List.of(), 20, 0));
        }
        for (List<PackageSearch.Sort> sort : List.of(List.of(new PackageSearch.Sort("score", true)),
                List.of(new PackageSearch.Sort("score", false), new PackageSearch.Sort("name", true)),
                List.of(new PackageSearch.Sort("title", false)), List.of(new PackageSearch.Sort("name", true)),
                List.of(new PackageSearch.Sort("id", true)), List.of(new PackageSearch.Sort("metadata_modified", false)),
                List.of(new PackageSearch.Sort("metadata_created", true)),
                List.of(new PackageSearch.Sort("title_string", true), new PackageSearch.Sort("id", false)))) {
            queries.add(query(null, List.of(), sort, 7, 0));
            queries.add(query("社区 警务室", List.of(), sort, 3, 1));
            queries.add(query("警务", ours, sort, 1, 2));
        }
        queries.add(query(null, List.of(), List.of(), 0, 0));
        queries.add(query(null, ours, List.of(), 1000, 0));
        queries.add(query("警务室", List.of(), List.of(), 10, 100_000));

        for (PackageSearch.Query query : queries) {
            PackageSearch.Result sql = search.search(query, PackageSearch.Way.SQL);
            PackageSearch.Result indexed = search.search(query, PackageSearch.Way.INDEX);
            assertThat(indexed.count()).as("count of %s", query).isEqualTo(sql.count());
            assertThat(indexed.datasets()).extracting(OpenedDataset::packageId).as("page of %s", query)
                    .containsExactlyElementsOf(sql.datasets().stream().map(OpenedDataset::packageId).toList());
            assertThat(indexed.facets()).as("facets of %s", query).isEqualTo(sql.facets());
        }
        PackageSearch.Result relevant = search.search(query("社区警务室", ours, List.of(), 20, 0),
                PackageSearch.Way.INDEX);
        assertThat(relevant.count()).as("the comparison compared something").isEqualTo(4);
        assertThat(relevant.datasets().getLast().packageId()).as("a word in the title counts more")
                .isEqualTo(d.packageId());
    }

    private static PackageSearch.Query query(String q, List<String> filters, List<PackageSearch.Sort> sort, int rows,
            long start) {
        return new PackageSearch.Query(q, filters, sort, rows, start, ALL_FACETS, 50, 1, false);
    }
}
