package cn.govdata.catalog;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The published catalog as the modules that aggregate, share and open data see it: nothing is aggregated,
 * shared or opened that is not in it (YT9, AB15). Only published, non-retired entries are answered, each with
 * the content of its version in force.
 */
@Component
public class PublishedCatalog {

    /** A published entry: its codes, owner, version in force and what that version says. */
    public record PublishedEntry(long id, String resourceCode, long regionId, long departmentId, int version,
            EntryContent content) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PublishedCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<PublishedEntry> byId(long id) {
        return find("e.id = ?", id);
    }

    public Optional<PublishedEntry> byCode(String resourceCode) {
        return find("e.resource_code = ?", resourceCode);
    }

    private Optional<PublishedEntry> find(String condition, Object value) {
        return jdbc.sql("""
                select e.id, e.resource_code, e.region_id, e.department_id, v.version, v.content
                from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where not e.retired and """ + " " + condition)
                .param(value)
                .query((rs, n) -> new PublishedEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), json.readValue(rs.getString(6), EntryContent.class)))
                .optional();
    }
}
