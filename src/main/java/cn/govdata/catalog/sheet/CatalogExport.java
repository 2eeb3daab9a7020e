package cn.govdata.catalog.sheet;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.entry.CatalogAccess;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.shared.WholeNumber;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports catalog entries in the template layout (CAT-9), so that a department can keep, check or re-import
 * its catalog in Excel. Entries are read a page at a time and streamed into the workbook, so a whole
 * region's catalog never sits in memory. What the caller sees is what the API shows: working versions of
 * its own department's entries (all of the region's for the data authority's reviewer), published versions
 * of everyone else's.
 */
@Service
class CatalogExport {

    /**
     * Which entries: the listed ones, a department's (not retired), or the region's published catalog.
     * Exactly one is given.
     */
    record Selection(List<Long> ids, Long departmentId, boolean published) {

        Selection {
            ids = ids == null ? List.of() : List.copyOf(ids);
            int given = (ids.isEmpty() ? 0 : 1) + (departmentId == null ? 0 : 1) + (published ? 1 : 0);
            if (given != 1) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("ids / departmentId / published"),
                        "exactly one of ids=1,2,3, departmentId=…, published=true");
            }
        }
    }

    static final int PAGE = 500;
    /** Dates in file names are the region's. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_IDS = 10_000;

    private record Page(long id, String resourceCode, String content) {
    }

    /** The version the caller sees: the working one inside the department or as reviewer, else the published. */
    private static final String VISIBLE_VERSION = """
            case when e.department_id = :department or e.region_id = :reviewerRegion
                 then e.latest_version else e.published_version end""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Directory directory;
    private final ActivePolicy policy;

    CatalogExport(JdbcClient jdbc, JsonMapper json, Directory directory, ActivePolicy policy) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.policy = policy;
    }

    /** The empty template with its example row. The caller sends and closes it. */
    WorkbookDownload template() {
        return new WorkbookDownload("信息资源目录模板.xlsx",
                new CatalogWorkbookWriter(new CatalogVocabulary(policy.profile())).withExample());
    }

    /**
     * The selected entries in a workbook named with today's date. {@code ids} is a comma-separated list of
     * entry ids. The caller sends and closes it.
     */
    WorkbookDownload export(Actor actor, String ids, Long departmentId, boolean published) {
        Selection selection = new Selection(parseIds(ids), departmentId, published);
        return new WorkbookDownload("信息资源目录-" + LocalDate.now(ZONE).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx",
                export(actor, selection));
    }

    private static List<Long> parseIds(String ids) {
        List<Long> parsed = new ArrayList<>();
        if (ids == null || ids.isBlank()) {
            return parsed;
        }
        for (String id : ids.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                parsed.add(WholeNumber.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("ids"), "1,2,3");
            }
        }
        return parsed;
    }

    private CatalogWorkbookWriter export(Actor actor, Selection selection) {
        long reviewerRegion = CatalogAccess.isReviewer(actor, actor.regionId()) ? actor.regionId() : -1;
        Runnable check;
        LongFunction<List<Page>> pager;
        if (!selection.ids().isEmpty()) {
            List<Long> ids = new ArrayList<>(new TreeSet<>(selection.ids()));
            if (ids.size() > MAX_IDS) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("ids"), "at most " + MAX_IDS);
            }
            check = () -> requireVisible(actor, reviewerRegion, ids);
            pager = after -> {
                List<Long> chunk = ids.stream().filter(id -> id > after).limit(PAGE).toList();
                if (chunk.isEmpty()) {
                    return List.of();
                }
                return jdbc.sql("select e.id, e.resource_code, v.content from catalog_entry e"
                        + " join catalog_version v on v.entry_id = e.id and v.version = " + VISIBLE_VERSION
                        + " where e.id in (:ids) order by e.id")
                        .param("department", actor.departmentId()).param("reviewerRegion", reviewerRegion)
                        .param("ids", chunk).query(Page.class).list();
            };
        } else if (selection.departmentId() != null) {
            long departmentId = selection.departmentId();
            check = () -> {
                DepartmentInfo department = directory.department(departmentId)
                        .orElseThrow(() -> DomainException.notFound("department", departmentId));
                CatalogAccess.requireDepartmentReader(actor, departmentId, department.regionId());
            };
            pager = after -> jdbc.sql("select e.id, e.resource_code, v.content from catalog_entry e"
                    + " join catalog_version v on v.entry_id = e.id and v.version = e.latest_version"
                    + " where e.department_id = :target and not e.retired and e.id > :after order by e.id limit :page")
                    .param("target", departmentId).param("after", after).param("page", PAGE).query(Page.class).list();
        } else {
            check = () -> { };
            pager = after -> jdbc.sql("select e.id, e.resource_code, v.content from catalog_entry e"
                    + " join catalog_version v on v.entry_id = e.id and v.version = e.published_version"
                    + " where e.region_id = :region and not e.retired and e.id > :after order by e.id limit :page")
                    .param("region", actor.regionId()).param("after", after).param("page", PAGE).query(Page.class)
                    .list();
        }
        check.run();
        CatalogWorkbookWriter writer = new CatalogWorkbookWriter(new CatalogVocabulary(policy.profile()));
        try {
            long after = 0;
            while (true) {
                List<Page> page = pager.apply(after);
                for (Page row : page) {
                    writer.add(row.resourceCode(), json.readValue(row.content(), EntryContent.class));
                }
                if (page.isEmpty()) {
                    return writer;
                }
                after = page.getLast().id();
            }
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Every listed entry must be visible to the actor, else 404 as for a single entry. */
    private void requireVisible(Actor actor, long reviewerRegion, List<Long> ids) {
        Set<Long> visible = new HashSet<>();
        for (int from = 0; from < ids.size(); from += PAGE) {
            visible.addAll(jdbc.sql("""
                    select e.id from catalog_entry e where e.id in (:ids)
                        and (e.published_version is not null or e.department_id = :department
                             or e.region_id = :reviewerRegion)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + PAGE)))
                    .param("department", actor.departmentId()).param("reviewerRegion", reviewerRegion)
                    .query(Long.class).list());
        }
        for (long id : ids) {
            if (!visible.contains(id)) {
                throw DomainException.notFound("catalog entry", id);
            }
        }
    }
}
