package cn.govdata.lake.dataset;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditObjectNames;
import cn.govdata.catalog.PublishedCatalog;

/** Datasets in the audit log by the name of their catalog entry (as published; a retired entry's dataset by none). */
@Component
class LakeAuditNames implements AuditObjectNames {

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;

    LakeAuditNames(JdbcClient jdbc, PublishedCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Override
    public Map<String, String> namesOf(String objectType, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<Long> numbers = AuditObjectNames.numeric(ids);
        if (!objectType.equals("dataset") || numbers.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, entry_id from lake_dataset where id in (:ids)").param("ids", numbers)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(dataset -> catalog.byId(dataset.getValue())
                        .ifPresent(entry -> names.put(dataset.getKey(), entry.content().name())));
        return names;
    }
}
