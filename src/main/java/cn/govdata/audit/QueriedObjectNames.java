package cn.govdata.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Object names read from a module's own tables, one query per object type, each of the form
 * {@code select id, name from … where id in (:ids)}.
 */
public class QueriedObjectNames implements AuditObjectNames {

    private final JdbcClient jdbc;
    private final Map<String, String> queryByType;

    protected QueriedObjectNames(JdbcClient jdbc, Map<String, String> queryByType) {
        this.jdbc = jdbc;
        this.queryByType = Map.copyOf(queryByType);
    }

    @Override
    public Map<String, String> namesOf(String objectType, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        String query = queryByType.get(objectType);
        List<Long> numbers = AuditObjectNames.numeric(ids);
        if (query != null && !numbers.isEmpty()) {
            jdbc.sql(query).param("ids", numbers).query(rs -> {
                names.put(rs.getString(1), rs.getString(2));
            });
        }
        return names;
    }
}
