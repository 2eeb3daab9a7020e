package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Harvesting by {@code metadata_modified} as CKAN harvesters do: each run asks, in pages sorted by
 * {@code metadata_modified asc, id asc}, for what changed after the last change it saw, withdrawals included
 * ({@code include_deleted=true}). Every change is delivered exactly once — a dataset changed twice between runs
 * once, in its last state — also while changes are being made as the harvester runs.
 */
class HarvestApiTest extends OpenFixtures {

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
    void everyChangeIncludingWithdrawalsIsHarvestedExactlyOnce() {
        Opened a = openedOffices(2);
        Opened b = openedOffices(2);
        Opened c = openedOffices(2);
        List<Change> first = harvest(null);
        assertThat(first).extracting(Change::id).containsExactly(a.packageId(), b.packageId(), c.packageId());
        String last = first.get(2).modified();

        assertThat(harvest(last)).as("nothing changed").isEmpty();
        withdraw(b);
        assertThat(provider.put("/api/v1/open/datasets/" + a.id() + "/rules",
                Map.of("rules", List.of(rule("officer", "FULL"), rule("phone", "MOBILE")))).status()).isEqualTo(200);
        withdraw(c);
        List<Change> second = harvest(last);
        assertThat(second).containsExactly(new Change(b.packageId(), "deleted", second.get(0).modified()),
                new Change(a.packageId(), "active", second.get(1).modified()),
                new Change(c.packageId(), "deleted", second.get(2).modified()));
        last = second.get(2).modified();

        assertThat(provider.post("/api/v1/open/datasets", openRequest(b.entryId(), officeRules())).status()).isEqualTo(201);
        withdraw(b);
        List<Change> third = harvest(last);
        assertThat(third).as("opened again and withdrawn again between two runs: seen once, as it is now")
                .extracting(Change::id, Change::state).containsExactly(org.assertj.core.groups.Tuple.tuple(b.packageId(),
                        "deleted"));

        JsonNode inclusive = ckan("package_search?include_deleted=true&fq=" + encode("organization:" + organization
                + " metadata_modified:[" + third.get(0).modified() + "Z TO *]"));
        assertThat(inclusive.get("count").asInt()).as("a bound in brackets includes the change at it").isEqualTo(1);
        JsonNode active = ckan("package_search?fq=" + encode("organization:" + organization
                + " metadata_modified:[* TO NOW]"));
        assertThat(active.get("results")).as("without include_deleted, the active ones only").hasSize(1);
        assertThat(active.get("results").get(0).get("id").asString()).isEqualTo(a.packageId());
    }

    @Test
    void aHarvesterRunningWhileDatasetsChangeMissesAndRepeatsNothing() throws Exception {
        List<Opened> datasets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            datasets.add(openedOffices(1));
        }
        List<Change> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService changers = Executors.newFixedThreadPool(2);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<Opened> mine = datasets.subList(t * 2, t * 2 + 2);
            work.add(changers.submit(() -> {
                for (int round = 0; round < 4; round++) {
                    for (Opened d : mine) {
                        withdraw(d);
                        assertThat(provider.post("/api/v1/open/datasets", openRequest(d.entryId(), officeRules()))
                                .status()).isEqualTo(201);
                    }
                }
            }));
        }
        String last = null;
        while (work.stream().anyMatch(f -> !f.isDone())) {
            List<Change> run = harvest(last);
            seen.addAll(run);
            if (!run.isEmpty()) {
                last = run.get(run.size() - 1).modified();
            }
        }
        for (Future<?> f : work) {
            f.get(1, TimeUnit.MINUTES);
        }
        changers.shutdown();
        seen.addAll(harvest(last));

        Set<Change> unique = new HashSet<>();
        List<Change> repeated = seen.stream().filter(c -> !unique.add(c)).toList();
        assertThat(repeated).as("no change twice, in " + seen).isEmpty();
        List<String> stamps = seen.stream().map(Change::modified).toList();
        assertThat(stamps).as("in the order of their stamps").isSorted();
        Map<String, Change> latest = new LinkedHashMap<>();
        seen.forEach(c -> latest.put(c.id(), c));
        for (Opened d : datasets) {
            JsonNode now = ckan("package_show?id=" + d.packageId());
            assertThat(latest.get(d.packageId())).as("the last change of each dataset reached the harvester")
                    .isEqualTo(new Change(d.packageId(), "active", now.get("metadata_modified").asString()));
        }
    }

    private void withdraw(Opened d) {
        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + d.id() + "/withdraw", Map.of("reason", "调整"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    }

    /**
     * One harvester run: every change after {@code since} (exclusive), two at a time, each page asking for what
     * changed after the last change of the page before — not by {@code start}, which shifts when a dataset changes
     * during the run and moves to the end.
     */
    private List<Change> harvest(String since) {
        List<Change> changes = new ArrayList<>();
        String after = since;
        while (true) {
            String range = "metadata_modified:" + (after == null ? "[*" : "{" + after + "Z") + " TO *]";
            JsonNode page = ckan("package_search?include_deleted=true&rows=2&sort="
                    + encode("metadata_modified asc, id asc") + "&fq=" + encode("organization:" + organization + " " + range));
            if (page.get("results").isEmpty()) {
                return changes;
            }
            for (JsonNode p : page.get("results")) {
                changes.add(new Change(p.get("id").asString(), p.get("state").asString(),
                        p.get("metadata_modified").asString()));
            }
            after = changes.get(changes.size() - 1).modified();
        }
    }
}
