package cn.govdata.catalog.entry;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.QueriedObjectNames;

/** Catalog entries in the audit log by their latest name. */
@Component
class CatalogAuditNames extends QueriedObjectNames {

    CatalogAuditNames(JdbcClient jdbc) {
        super(jdbc, Map.of("catalog-entry", """
                select e.id, v.name from catalog_entry e
                join catalog_version v on v.entry_id = e.id and v.version = e.latest_version
                where e.id in (:ids)"""));
    }
}
