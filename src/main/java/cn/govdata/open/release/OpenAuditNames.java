package cn.govdata.open.release;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditObjectNames;

/** Open datasets in the audit log by their title. */
@Component
class OpenAuditNames implements AuditObjectNames {

    private final JdbcClient jdbc;

    OpenAuditNames(JdbcClient jdbc) {
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
            case "open-dataset" -> jdbc.sql("select id, coalesce(title, name) from open_dataset where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            default -> {
            }
        }
        return names;
    }
}
