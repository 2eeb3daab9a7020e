package cn.govdata.catalog.entry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditObjectNames;

/** Catalog entries in the audit log by their latest name. */
@Component
class CatalogAuditNames implements AuditObjectNames {

    private final JdbcClient jdbc;

    CatalogAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> namesOf(String objectType, Collection<String> ids) {
        List<Long> numbers = AuditObjectNames.numeric(ids);
        Map<String, String> names = new HashMap<>();
        if (numbers.isEmpty()) {
            return names;
        }
        switch (objectType) {
            case "catalog-entry" -> jdbc.sql("select e.id, v.name from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.latest_version where e.id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            default -> {
            }
        }
        return names;
    }
}
