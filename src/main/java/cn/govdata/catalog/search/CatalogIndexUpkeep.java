package cn.govdata.catalog.search;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.entry.CatalogAccess;
import cn.govdata.catalog.entry.CatalogAuditAction;
import cn.govdata.shared.Actor;

/** The search index's upkeep for its operators: its state, and a rebuild on request. */
@Service
@ConditionalOnWebApplication
class CatalogIndexUpkeep {

    private final CatalogIndex index;
    private final AuditLog audit;

    CatalogIndexUpkeep(CatalogIndex index, AuditLog audit) {
        this.index = index;
        this.audit = audit;
    }

    CatalogIndex.Status status(Actor actor) {
        CatalogAccess.requireIndexOperator(actor);
        return index.status();
    }

    /** Starts a rebuild in the background unless one is running; the current index stays searchable meanwhile. */
    CatalogIndex.Status rebuild(Actor actor) {
        CatalogAccess.requireIndexOperator(actor);
        if (index.rebuildInBackground("requested")) {
            audit.record(AuditEvent.success(CatalogAuditAction.REINDEX, "catalog-index", null, "rebuild requested"));
        }
        return index.status();
    }
}
