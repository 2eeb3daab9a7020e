package cn.govdata.catalog.entry;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;

/** For the reviewer's workbench: the region's entries submitted and waiting for review (no deadline is set). */
@Component
class ReviewDue implements DueWork {

    private final CatalogEntries entries;

    ReviewDue(CatalogEntries entries) {
        this.entries = entries;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (!CatalogAccess.isReviewer(actor, actor.regionId())) {
            return List.of();
        }
        return entries.reviewQueue(actor).stream()
                .map(entry -> new DueItem("catalog.review", entry.latest().content().name() + "（"
                        + entry.departmentName() + "）", "/catalog/review/" + entry.id(), null, null, false))
                .toList();
    }
}
