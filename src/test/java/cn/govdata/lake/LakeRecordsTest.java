package cn.govdata.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.lake.LakeRecords.Change;
import cn.govdata.lake.LakeRecords.Condition;
import cn.govdata.lake.LakeRecords.ExportResult;
import cn.govdata.lake.LakeRecords.Match;
import cn.govdata.lake.LakeRecords.Source;
import cn.govdata.lake.ingest.LakeIngestionApiTest;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * What sharing and opening read of the lake, on the real database: only the items asked for, only the rows
 * the conditions admit, and exports that stream everything or only what changed since a cursor.
 */
class LakeRecordsTest extends CatalogFixtures {

    private static final String ZHANG = LakeIngestionApiTest.id("19800101", "123");
    private static final String LI = LakeIngestionApiTest.id("19921231", "456");
    private static final String WANG = LakeIngestionApiTest.id("20010615", "789");
    private static final String ZHAO = LakeIngestionApiTest.id("19750505", "321");
    private static final List<Condition> ZHIFU = List.of(new Condition("xzqh", Match.STARTS_WITH, "370602"));

    @Autowired
    private LakeRecords records;

    private Api provider;
    private long datasetId;
    private long entryId;

    @BeforeEach
    void setUp() {
        setUpCatalog();
        Editor editor = newEditor("民政局");
        provider = newUser(admin, editor.department().id(), Role.DATA_PROVIDER).api();
        Map<String, Object> content = content("低保对象信息" + unique());
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xm", "姓名", "CHARACTER", 50, true, false, null, "PERSONAL_INFORMATION"),
                item("xzqh", "行政区划代码", "CHARACTER", 6, true, false, "GB/T 2260", null)));
        entryId = published(editor, content).id();
        datasetId = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        upload("gmsfhm,xm,xzqh\n" + ZHANG + ",张三,370602\n" + LI + ",李四,370602\n" + WANG + ",王五,370611\n");
    }

    private void upload(String csv, String... params) {
        String query = "?wait=true" + (params.length == 0 ? "" : "&" + String.join("&", params));
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches" + query, "file", "d.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
    }

    private Source source() {
        return records.ofEntry(entryId).orElseThrow();
    }

    @Test
    void aDatasetIsFoundByItsEntryWithItsItemsAndKey() {
        Source source = source();
        assertThat(source.datasetId()).isEqualTo(datasetId);
        assertThat(source.items()).containsExactly("gmsfhm", "xm", "xzqh");
        assertThat(source.keyItems()).containsExactly("gmsfhm");
        assertThat(source.recordCount()).isEqualTo(3);
        assertThat(source.recordKey(Map.of("gmsfhm", " " + LI + " "))).isEqualTo(LI);
        assertThat(records.ofEntry(entryId + 100_000)).isEmpty();
    }

    @Test
    void aKeyedReadReturnsOnlyTheItemsAskedForAndOnlyRowsTheConditionsAdmit() {
        LakeRecords.Row li = records.byKey(source(), LI, List.of("xm"), ZHIFU).orElseThrow();
        assertThat(li.values()).containsExactly(Map.entry("xm", "李四"));
        assertThat(records.byKey(source(), WANG, List.of("xm"), ZHIFU)).isEmpty();
        assertThat(records.byKey(source(), WANG, List.of("xm"), List.of())).isPresent();
        assertThat(records.byKey(source(), "110101199001011234", List.of("xm"), List.of())).isEmpty();
        assertThatThrownBy(() -> records.byKey(source(), LI, List.of("salary"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryPagesInKeyOrderAndALikeWildcardInAValueMatchesOnlyItself() {
        LakeRecords.Page first = records.query(source(), List.of("gmsfhm", "xm"), ZHIFU, 0, 1);
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.rows()).hasSize(1);
        LakeRecords.Page second = records.query(source(), List.of("gmsfhm", "xm"), ZHIFU, 1, 1);
        assertThat(List.of(first.rows().get(0).key(), second.rows().get(0).key())).containsExactlyInAnyOrder(ZHANG, LI);
        assertThat(records.query(source(), List.of("xm"), List.of(new Condition("xm", Match.EQUALS, "王五")), 0, 10)
                .rows()).extracting(LakeRecords.Row::key).containsExactly(WANG);
        assertThat(records.query(source(), List.of("xm"), List.of(new Condition("xzqh", Match.STARTS_WITH, "%")), 0, 10)
                .total()).isZero();
        assertThat(records.query(source(), List.of("xm"), List.of(new Condition("xzqh", Match.STARTS_WITH, "3706_")), 0, 10)
                .total()).isZero();
        // a condition with several values admits any of them
        assertThat(records.query(source(), List.of("xm"), List.of(new Condition("xzqh", Match.STARTS_WITH,
                List.of("370602", "370611"))), 0, 10).total()).isEqualTo(3);
        assertThat(records.query(source(), List.of("xm"), List.of(new Condition("xm", Match.EQUALS,
                List.of("王五", "张三")), ZHIFU.get(0)), 0, 10).rows()).extracting(LakeRecords.Row::key)
                .containsExactly(ZHANG);
    }

    @Test
    void anExportStreamsEverythingThenOnlyWhatChangedSinceItsCursor() {
        List<Change> all = new ArrayList<>();
        ExportResult full = records.export(source(), List.of("xm"), ZHIFU, 0, (n, cursor) -> assertThat(n).isEqualTo(2), all::add);
        assertThat(full.changes()).isEqualTo(2);
        assertThat(all).extracting(Change::key).containsExactlyInAnyOrder(ZHANG, LI);
        assertThat(all).allSatisfy(change -> assertThat(change.values()).containsOnlyKeys("xm"));

        // nothing changed: nothing to send, same cursor
        assertThat(records.export(source(), List.of("xm"), ZHIFU, full.cursor(), (n, cursor) -> { }, c -> { }).changes()).isZero();

        // LI renamed, ZHAO added in the district, WANG (outside the district) renamed
        upload("gmsfhm,xm,xzqh\n" + LI + ",李思,370602\n" + ZHAO + ",赵六,370602\n" + WANG + ",王武,370611\n");
        List<Change> changed = new ArrayList<>();
        ExportResult next = records.export(source(), List.of("xm"), ZHIFU, full.cursor(), (n, cursor) -> assertThat(n).isEqualTo(2), changed::add);
        assertThat(next.cursor()).isGreaterThan(full.cursor());
        assertThat(changed).extracting(Change::key).containsExactlyInAnyOrder(LI, ZHAO);
        assertThat(changed).filteredOn(c -> c.key().equals(LI)).first()
                .satisfies(c -> assertThat(c.values()).containsEntry("xm", "李思"));

        // a replace without ZHANG and WANG: only ZHANG's deletion concerns the district
        upload("gmsfhm,xm,xzqh\n" + LI + ",李思,370602\n" + ZHAO + ",赵六,370602\n", "mode=REPLACE", "confirmReplace=true");
        List<Change> deleted = new ArrayList<>();
        ExportResult last = records.export(source(), List.of("xm"), ZHIFU, next.cursor(), (n, cursor) -> assertThat(n).isEqualTo(1), deleted::add);
        assertThat(deleted).containsExactly(new Change(ZHANG, null, true));
        assertThat(last.cursor()).isGreaterThan(next.cursor());

        // a refused admission sends nothing
        List<Change> refused = new ArrayList<>();
        assertThatThrownBy(() -> records.export(source(), List.of("xm"), List.of(), 0, (n, cursor) -> {
            throw new IllegalStateException("over quota");
        }, refused::add)).hasMessage("over quota");
        assertThat(refused).isEmpty();
    }
}
