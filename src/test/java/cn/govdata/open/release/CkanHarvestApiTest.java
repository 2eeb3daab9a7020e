package cn.govdata.open.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A harvester as ckanext-harvest's CKAN harvester asks: {@code fq=metadata_modified:[<last seen> TO *]} (an
 * inclusive bound in UTC ISO 8601 with fractional seconds and {@code Z}), {@code sort=metadata_modified asc},
 * {@code rows=2}, {@code include_deleted=true}, each page from the last stamp of the page before. Entries are
 * published and opened, changed, withdrawn and retired from the catalog; the harvester sees every change once and
 * in order, retirements and withdrawals as {@code state: "deleted"} (CKAN's {@code include_deleted}). The bound
 * is inclusive, so each page repeats the change at it, which the harvester knows by its id and stamp (stamps are
 * unique); nothing else repeats and nothing is missed. (In the release room for the catalog follower, which the
 * test runs at once rather than waiting for its schedule.)
 */
class CkanHarvestApiTest extends OpenFixtures {

    @Autowired
    CatalogFollower follower;

    private String organization;

    /** One harvested change: a dataset, its state, its stamp. */
    record Change(String id, String state, String modified) {
    }

    @BeforeEach
    void setUp() {
        setUpOpenData();
        organization = police.department().creditCode().toLowerCase();
    }

    @Test
    void anIncrementalHarvestByMetadataModifiedSeesEveryChangeOnceAndInOrderRetirementsAsDeletions() {
        Opened a = openedOffices(1);
        Opened b = openedOffices(1);
        Opened c = openedOffices(1);
        List<Change> first = harvest(null);
        assertThat(first).extracting(Change::id, Change::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.packageId(), "active"),
                org.assertj.core.groups.Tuple.tuple(b.packageId(), "active"),
                org.assertj.core.groups.Tuple.tuple(c.packageId(), "active"));
        for (Change change : first) {
            assertThat(change.modified()).as("UTC ISO 8601, to the microsecond as CKAN writes it")
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        }
        String last = first.get(2).modified();
        assertThat(harvest(last)).as("nothing changed since").isEmpty();

        Api.Response changed = provider.put("/api/v1/open/datasets/" + a.id() + "/rules",
                Map.of("rules", List.of(rule("officer", "FULL"), rule("phone", "MOBILE"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Api.Response retired = police.api().post("/api/v1/catalog/entries/" + c.entryId() + "/retire",
                Map.of("reason", "警务室信息并入新目录"));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        follower.follow();
        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + b.id() + "/withdraw",
                Map.of("reason", "调整"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        Opened d = openedOffices(1);

        List<Change> second = harvest(last);
        assertThat(second).extracting(Change::id, Change::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.packageId(), "active"),
                org.assertj.core.groups.Tuple.tuple(c.packageId(), "deleted"),
                org.assertj.core.groups.Tuple.tuple(b.packageId(), "deleted"),
                org.assertj.core.groups.Tuple.tuple(d.packageId(), "active"));
        List<Change> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(new HashSet<>(all)).as("no change twice").hasSameSizeAs(all);
        assertThat(all.stream().map(Change::modified).toList()).as("in the order of their stamps").isSorted();
        for (Change change : second) {
            JsonNode now = ckan("package_search?include_deleted=true&fq=" + encode("id:" + change.id()));
            assertThat(now.get("results").get(0).get("metadata_modified").asString())
                    .as("each dataset's last change is the one seen").isEqualTo(change.modified());
        }
        assertThat(harvest(second.get(3).modified())).as("nothing changed since").isEmpty();

        JsonNode withoutDeleted = ckan("package_search?rows=10&sort=" + encode("metadata_modified asc") + "&fq="
                + encode("organization:" + organization + " metadata_modified:[" + last + "Z TO *]"));
        assertThat(withoutDeleted.get("results")).as("without include_deleted the deletions stay out, as in CKAN")
                .extracting(p -> p.get("id").asString()).containsExactly(a.packageId(), d.packageId());
        String newest = second.get(3).modified();
        for (String bound : List.of(newest.substring(0, newest.indexOf('.')) + "Z", newest + "000Z", newest + "Z")) {
            JsonNode from = ckan("package_search?include_deleted=true&fq=" + encode("organization:" + organization
                    + " metadata_modified:[" + bound + " TO *]"));
            assertThat(from.get("results")).as("a bound of " + bound + " includes the change at " + newest)
                    .extracting(p -> p.get("id").asString()).contains(d.packageId());
        }
    }

    /**
     * One harvester run: every change from {@code since} (inclusive) on, two at a time, each page from the last stamp
     * of the page before; the change at the bound, already seen, is left out by its id and stamp.
     */
    private List<Change> harvest(String since) {
        List<Change> changes = new ArrayList<>();
        Change boundary = null;
        String from = since;
        while (true) {
            String range = "metadata_modified:[" + (from == null ? "*" : from + "Z") + " TO *]";
            JsonNode page = ckan("package_search?include_deleted=true&rows=2&sort=" + encode("metadata_modified asc")
                    + "&fq=" + encode("organization:" + organization + " " + range));
            List<Change> fresh = new ArrayList<>();
            for (JsonNode p : page.get("results")) {
                Change change = new Change(p.get("id").asString(), p.get("state").asString(),
                        p.get("metadata_modified").asString());
                if (from != null && change.modified().equals(from)) {
                    assertThat(boundary == null || change.equals(boundary))
                            .as("only the change at the bound comes again").isTrue();
                    continue;
                }
                fresh.add(change);
            }
            if (fresh.isEmpty()) {
                return changes;
            }
            changes.addAll(fresh);
            boundary = fresh.get(fresh.size() - 1);
            from = boundary.modified();
        }
    }
}
