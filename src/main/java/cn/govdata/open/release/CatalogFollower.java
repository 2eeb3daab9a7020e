package cn.govdata.open.release;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.shared.LocalizedText;

/**
 * Keeps opened datasets in step with the catalog: an entry retired, made classified or no longer open withdraws
 * its dataset (so harvesters see it deleted), and a new published version shows its metadata (so they see it
 * changed). What the public may read is checked against the catalog at every read already
 * ({@link OpenedDatasets#visible}); this only brings the stored state and the change stamps along, every
 * {@code govdata.open.catalog-check-interval}. (The catalog's change event is internal to it; were it public, this
 * would follow it at once.)
 */
@Component
class CatalogFollower {

    private static final Logger log = LoggerFactory.getLogger(CatalogFollower.class);
    private static final LocalizedText RETIRED = new LocalizedText("信息资源已不在目录中", "the entry left the catalog");

    private final OpenedDatasets datasets;
    private final PublishedCatalog catalog;
    private final OpeningPolicy policy;
    private final Openings openings;
    private volatile boolean followedOnce;

    CatalogFollower(OpenedDatasets datasets, PublishedCatalog catalog, OpeningPolicy policy, Openings openings) {
        this.datasets = datasets;
        this.catalog = catalog;
        this.policy = policy;
        this.openings = openings;
    }

    @Scheduled(initialDelayString = "${govdata.open.catalog-check-interval:PT30S}",
            fixedDelayString = "${govdata.open.catalog-check-interval:PT30S}")
    void follow() {
        List<OpenedDatasets.Followed> followed = datasets.followed();
        for (int from = 0; from < followed.size(); from += 1000) {
            List<OpenedDatasets.Followed> slice = followed.subList(from, Math.min(followed.size(), from + 1000));
            Map<Long, Integer> published = catalog.publishedVersions(slice.stream()
                    .map(OpenedDatasets.Followed::entryId).toList());
            for (OpenedDatasets.Followed one : slice) {
                // a version's content never changes, nor the policy while running: only a new version or a retired
                // entry can change what follows, after the first pass since the start
                if (followedOnce && Integer.valueOf(one.catalogVersion()).equals(published.get(one.entryId()))) {
                    continue;
                }
                try {
                    datasets.byId(one.id()).ifPresent(this::follow);
                } catch (RuntimeException e) {
                    log.warn("Could not follow the catalog for open dataset {}: {}", one.id(), e.toString());
                }
            }
        }
        followedOnce = true;
    }

    private void follow(OpenedDataset dataset) {
        PublishedEntry entry = catalog.byId(dataset.entryId()).orElse(null);
        if (entry == null) {
            openings.withdrawFollowingCatalog(dataset, RETIRED);
            return;
        }
        LocalizedText refusal = policy.refusal(entry.content());
        if (refusal != null) {
            openings.withdrawFollowingCatalog(dataset, refusal);
        } else if (entry.version() != dataset.catalogVersion()) {
            openings.follow(dataset, entry);
        }
    }
}
