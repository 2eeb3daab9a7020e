package cn.govdata.share.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditObjectNames;

/** Applications, grants and objections in the audit log by the catalog entry they are about. */
@Component
class ShareAuditNames implements AuditObjectNames {

    private final JdbcClient jdbc;

    ShareAuditNames(JdbcClient jdbc) {
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
            case "share-application" -> jdbc.sql("select id, entry_name from share_application where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            case "share-grant" -> jdbc.sql("select id, entry_name from share_grant where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            case "share-objection" -> jdbc.sql("select id, entry_name from share_objection where id in (:ids)").param("ids", numbers)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            default -> {
            }
        }
        return names;
    }
}
