package cn.govdata.catalog.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.entry.CatalogLabels;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ListParameter;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.SpreadsheetCsv;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published lists of CAT-9: the share list (共享目录, by share type: 无条件共享 / 有条件共享 / 不予共享) and the
 * open list (开放目录: unconditionally and conditionally open entries), of the published, non-retired entries of
 * a region, as paged JSON or as CSV for Excel. Type names are the region's profile's. Read from the database.
 */
@Service
class PublishedLists {

    /** Which list: its name in the API and its name as a file. */
    enum Kind {
        SHARE("share", "共享目录"), OPEN("open", "开放目录");

        private final String list;
        private final String zh;

        Kind(String list, String zh) {
            this.list = list;
            this.zh = zh;
        }
    }

    /** One entry in a list. {@code condition} and {@code basis} are the share or open ones, by the list. */
    record Item(long id, String resourceCode, String name, String summary, long departmentId, String departmentName,
            String classificationCode, String type, String typeName, String condition, String basis,
            String shareMethod, String shareMethodName, List<String> applicantMaterials, String format,
            String formatName, String subFormat, String updateCycle, String updateCycleName, LocalDate releaseDate,
            int dataItems, int version, OffsetDateTime publishedAt) {
    }

    /** A type of the list with its name in the region's profile. */
    record Type(String code, String name) {
    }

    record Page(String list, List<Type> types, List<Item> items, long total, int page, int size) {
    }

    static final int MAX_SIZE = 200;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final JsonMapper json;
    private final Directory directory;
    private final ActivePolicy policy;
    private final CatalogLabels labels;
    private final TransactionTemplate readOnly;

    PublishedLists(DataSource dataSource, JsonMapper json, Directory directory, ActivePolicy policy,
            CatalogLabels labels, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.json = json;
        this.directory = directory;
        this.policy = policy;
        this.labels = labels;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * One page of a list of the actor's region, as the API asks for it: the types by their codes (all the list
     * has when none), optionally one department; {@code format} must be json (the CSV is {@link #csv}).
     */
    Page page(Actor actor, Kind kind, List<String> types, Long departmentId, String format, int page, int size) {
        requireJson(format);
        return page(filter(actor, kind, types, departmentId), page, size);
    }

    /**
     * The whole list as a CSV file, written when the response body is: in a read-only transaction of its own,
     * so that PostgreSQL streams the rows by the fetch size rather than reading the whole list into memory.
     */
    CsvDownload csv(Actor actor, Kind kind, List<String> types, Long departmentId) {
        Filter filter = filter(actor, kind, types, departmentId);
        return new CsvDownload(kind.list + "-list.csv", kind.zh + ".csv", out -> {
            try {
                readOnly.executeWithoutResult(status -> writeCsv(filter, out));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    private Filter filter(Actor actor, Kind kind, List<String> types, Long departmentId) {
        List<? extends Enum<?>> asked = kind == Kind.SHARE
                ? shareTypes(ListParameter.enums("type", types, ShareType.class))
                : openTypes(ListParameter.enums("type", types, OpenType.class));
        return new Filter(actor.regionId(), kind, asked, departmentId);
    }

    private static void requireJson(String format) {
        if (!"json".equals(format.strip().toLowerCase(Locale.ROOT))) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "format",
                    (format.length() > 20 ? format.substring(0, 20) + "…" : format) + " (json or csv)");
        }
    }

    /** The share types asked for, all three when none. */
    private List<ShareType> shareTypes(List<ShareType> asked) {
        return asked.isEmpty() ? List.of(ShareType.values()) : asked;
    }

    /**
     * The open types asked for, both open ones when none. A type the region's rules do not provide is refused,
     * so a region that opens no data has an empty open list.
     */
    private List<OpenType> openTypes(List<OpenType> asked) {
        var openData = policy.profile().openData();
        for (OpenType type : asked) {
            if (type == OpenType.NOT_OPEN || openData == null || !openData.types().containsKey(type)) {
                throw new DomainException(ProblemCode.TYPE_NOT_IN_PROFILE, type);
            }
        }
        if (!asked.isEmpty()) {
            return asked;
        }
        if (openData == null) {
            return List.of();
        }
        return List.of(OpenType.OPEN, OpenType.CONDITIONAL_OPEN).stream().filter(openData.types()::containsKey).toList();
    }

    /** Which list, of which region, which types, and optionally of one department only. */
    private record Filter(long regionId, Kind kind, List<? extends Enum<?>> types, Long departmentId) {
    }

    private Page page(Filter filter, int page, int size) {
        long regionId = filter.regionId();
        Kind kind = filter.kind();
        List<? extends Enum<?>> types = filter.types();
        if (page < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "page", page + " (0 or more)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "size", size + " (1 to " + MAX_SIZE + ")");
        }
        List<Type> named = types.stream().map(t -> new Type(t.name(), typeName(kind, t.name()))).toList();
        if (types.isEmpty()) {
            return new Page(kind.list, named, List.of(), 0, page, size);
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("select count(*) " + FROM + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        Map<Long, String> departments = departmentNames(regionId);
        List<Item> items = jdbc.query(SELECT + FROM + where + " order by e.resource_code limit ? offset ?",
                (rs, n) -> map(rs, kind, departments), args.toArray());
        return new Page(kind.list, named, items, total == null ? 0 : total, page, size);
    }

    /** Streams the whole list as UTF-8 CSV with a byte order mark, so that Excel shows the Chinese. */
    private void writeCsv(Filter filter, OutputStream out) {
        try {
            writeCsvRows(filter, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCsvRows(Filter filter, OutputStream out) throws IOException {
        long regionId = filter.regionId();
        Kind kind = filter.kind();
        List<? extends Enum<?>> types = filter.types();
        List<String> header = new ArrayList<>(List.of("信息资源代码", "信息资源名称", "信息资源提供方", "资源分类",
                "信息资源摘要", kind == Kind.SHARE ? "共享类型" : "开放类型", kind == Kind.SHARE ? "共享条件" : "开放条件"));
        if (kind == Kind.SHARE) {
            header.addAll(List.of("不予共享或有条件共享依据", "共享方式", "申请材料"));
        }
        header.addAll(List.of("信息资源格式", "更新周期", "发布日期", "信息项数", "版本", "上架时间"));
        SpreadsheetCsv csv = SpreadsheetCsv.withByteOrderMark(out, header.toArray(String[]::new));
        if (!types.isEmpty()) {
            List<Object> args = new ArrayList<>();
            String where = where(filter, args);
            Map<Long, String> departments = departmentNames(regionId);
            streaming.query(SELECT + FROM + where + " order by e.resource_code", rs -> {
                Item item = map(rs, kind, departments);
                List<Object> row = new ArrayList<>(List.of(item.resourceCode(), nullToEmpty(item.name()), item.departmentName(),
                        item.classificationCode(), nullToEmpty(item.summary()), nullToEmpty(item.typeName()),
                        nullToEmpty(item.condition())));
                if (kind == Kind.SHARE) {
                    row.addAll(List.of(nullToEmpty(item.basis()), nullToEmpty(item.shareMethodName()),
                            String.join("；", item.applicantMaterials())));
                }
                String format = item.formatName() == null ? "" : item.formatName()
                        + (item.subFormat() == null ? "" : "（" + item.subFormat() + "）");
                row.addAll(List.of(format, nullToEmpty(item.updateCycleName()),
                        item.releaseDate() == null ? "" : item.releaseDate().toString(), item.dataItems(),
                        item.version(), item.publishedAt() == null ? "" : item.publishedAt().toLocalDate().toString()));
                try {
                    csv.printRow(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, args.toArray());
        }
        csv.flush();
    }

    private String typeName(Kind kind, String type) {
        return kind == Kind.SHARE ? labels.shareType(ShareType.valueOf(type)) : labels.openType(OpenType.valueOf(type));
    }

    private static final String SELECT = """
            select e.id, e.resource_code, e.department_id, e.classification_code, e.published_version, v.content,
                v.reviewed_at\s""";

    private static final String FROM = """
            from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version
            """;

    private static String where(Filter filter, List<Object> args) {
        args.add(filter.regionId());
        filter.types().forEach(t -> args.add(t.name()));
        String where = " where e.region_id = ? and e.retired = false and v."
                + (filter.kind() == Kind.SHARE ? "share_type" : "open_type") + " in ("
                + filter.types().stream().map(t -> "?").collect(Collectors.joining(", ")) + ")";
        if (filter.departmentId() != null) {
            args.add(filter.departmentId());
            where += " and e.department_id = ?";
        }
        return where;
    }

    private Item map(ResultSet rs, Kind kind, Map<Long, String> departments) throws SQLException {
        EntryContent content = json.readValue(rs.getString("content"), EntryContent.class);
        long departmentId = rs.getLong("department_id");
        String type;
        String condition;
        LegalBasis basis;
        if (kind == Kind.SHARE) {
            type = content.shareType() == null ? null : content.shareType().name();
            condition = content.shareCondition();
            basis = content.shareBasis();
        } else {
            type = content.openType() == null ? null : content.openType().name();
            condition = content.openCondition();
            basis = content.openBasis();
        }
        UpdateCycle cycle = content.updateCycle();
        return new Item(rs.getLong("id"), rs.getString("resource_code"), content.name(), content.summary(),
                departmentId, departments.getOrDefault(departmentId, ""), rs.getString("classification_code"), type,
                type == null ? null : typeName(kind, type), condition, describe(basis),
                kind == Kind.SHARE && content.shareMethod() != null ? content.shareMethod().name() : null,
                kind == Kind.SHARE ? CatalogLabels.shareMethod(content.shareMethod()) : null,
                kind == Kind.SHARE ? content.applicantMaterials() : List.of(),
                content.format() == null ? null : content.format().name(), CatalogLabels.format(content.format()),
                content.subFormat(), cycle == null ? null : cycle.name(), CatalogLabels.updateCycle(cycle),
                content.releaseDate(), content.dataItems().size(), rs.getInt("published_version"),
                rs.getObject("reviewed_at", OffsetDateTime.class));
    }

    private static String describe(LegalBasis basis) {
        if (basis == null || basis.title() == null) {
            return null;
        }
        return basis.title() + (basis.article() == null ? "" : " " + basis.article());
    }

    private Map<Long, String> departmentNames(long regionId) {
        Map<Long, String> names = new HashMap<>();
        for (DepartmentInfo department : directory.departments(regionId)) {
            names.put(department.id(), department.name());
        }
        return names;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
