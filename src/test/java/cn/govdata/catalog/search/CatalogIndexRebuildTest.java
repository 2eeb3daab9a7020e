package cn.govdata.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.ForeignEntries;
import cn.govdata.catalog.entry.CatalogLabels;
import cn.govdata.org.Directory;
import cn.govdata.shared.CacheDrops;
import tools.jackson.databind.json.JsonMapper;

/**
 * An index in a fresh data directory is built from the database, survives a restart, and notices when the
 * database changed behind its back (here: changes it did not hear of, made through another index's context).
 */
class CatalogIndexRebuildTest extends CatalogFixtures {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Directory directory;
    @Autowired
    CatalogLabels labels;
    @Autowired
    CacheDrops caches;
    @Autowired
    ForeignEntries foreign;

    @TempDir
    Path dataDir;

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void aMissingIndexIsRebuiltFromTheDatabaseAndAStaleOneIsCaughtUp() throws InterruptedException {
        Editor editor = newEditor("水利局");
        long dept = editor.department().id();
        long kept = published(editor, content("河道采砂许可" + unique())).id();
        long retired = published(editor, content("河道巡查记录" + unique())).id();
        long regionId = editor.department().regionId();

        CatalogIndex index = new CatalogIndex(dataDir.resolve("index"), jdbc, json, directory, caches);
        try {
            assertThat(index.indexFingerprint().count()).isZero();
            assertThat(index.rebuild("test")).isTrue();
            assertThat(index.indexFingerprint()).isEqualTo(index.databaseFingerprint());
            CatalogSearch search = new CatalogSearch(index, directory, labels);
            assertThat(ids(search.search(regionId, request("河道", dept)))).containsExactlyInAnyOrder(kept, retired);
        } finally {
            index.close();
        }

        // a restart finds the committed index consistent and does not rebuild it
        index = new CatalogIndex(dataDir.resolve("index"), jdbc, json, directory, caches);
        try {
            assertThat(index.checkConsistency("test restart")).isTrue();
            assertThat(index.isRebuilding()).isFalse();

            // retired while this index was not listening: the check sees it and rebuilds in the background
            assertThat(editor.api().post("/api/v1/catalog/entries/" + retired + "/retire", Map.of("reason", "停用"))
                    .status()).isEqualTo(200);
            assertThat(index.checkConsistency("test change")).isFalse();
            for (int i = 0; i < 100 && index.isRebuilding(); i++) {
                Thread.sleep(100);
            }
            assertThat(index.indexFingerprint()).isEqualTo(index.databaseFingerprint());
            CatalogSearch search = new CatalogSearch(index, directory, labels);
            assertThat(ids(search.search(regionId, request("河道", dept)))).containsExactly(kept);
        } finally {
            index.close();
        }
    }

    @Test
    void entriesOfLowerPlatformsAreRebuiltWithTheirOriginAndSearchedByTheAuthorityOnly() {
        long regionId = homeRegionId(admin);
        String name = "下级平台河道许可" + unique();
        ForeignEntries.Origin origin = new ForeignEntries.Origin("test:" + unique(), "某县政务数据平台",
                "https://county.example.gov.cn");
        EntryContent content = json.readValue(json.writeValueAsString(content(name)), EntryContent.class);
        String code = "301001/" + unique();
        assertThat(foreign.put(new ForeignEntries.ForeignEntry(origin, 7, regionId, "县水利局", null, "370602", "芝罘区",
                code, 1, content))).isTrue();
        assertThat(foreign.put(new ForeignEntries.ForeignEntry(origin, 7, regionId, "县水利局", null, "370602", "芝罘区",
                code, 1, content))).as("the same version again changes nothing").isFalse();

        CatalogIndex index = new CatalogIndex(dataDir.resolve("foreign-index"), jdbc, json, directory, caches);
        try {
            assertThat(index.rebuild("test")).isTrue();
            assertThat(index.indexFingerprint()).isEqualTo(index.databaseFingerprint());
            CatalogSearch search = new CatalogSearch(index, directory, labels);
            CatalogSearch.Request request = new CatalogSearch.Request(name, null, null, null, null, null, null, null,
                    0, 20);
            List<CatalogSearch.Hit> hits = search.search(regionId, true, request).items();
            assertThat(hits).extracting(CatalogSearch.Hit::resourceCode).containsExactly(code);
            assertThat(hits.get(0).origin()).isEqualTo(new CatalogSearch.Origin("某县政务数据平台",
                    "https://county.example.gov.cn"));
            assertThat(hits.get(0).departmentId()).isNull();
            assertThat(hits.get(0).departmentName()).isEqualTo("县水利局");
            assertThat(search.search(regionId, false, request).items()).isEmpty();

            // retired on its platform: the next check finds the index disagreeing, and the rebuild drops it
            assertThat(foreign.retire(origin, 7)).isTrue();
            assertThat(index.checkConsistency("test")).isFalse();
            for (int i = 0; i < 100 && index.isRebuilding(); i++) {
                Thread.sleep(100);
            }
            assertThat(search.search(regionId, true, request).items()).isEmpty();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            index.close();
        }
    }

    private static CatalogSearch.Request request(String q, long departmentId) {
        return new CatalogSearch.Request(q, List.of(departmentId), null, null, null, null, null, null, 0, 20);
    }

    private static List<Long> ids(CatalogSearch.Result result) {
        return result.items().stream().map(CatalogSearch.Hit::id).toList();
    }
}
