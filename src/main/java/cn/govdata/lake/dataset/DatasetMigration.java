package cn.govdata.lake.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.PublicationGuard;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.quality.QualityRules;
import cn.govdata.lake.quality.RecordValidator;
import cn.govdata.lake.quality.ValueStandards;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * Keeps a dataset in step with its catalog entry. Before a new version is published it checks that the
 * records already aggregated fit it — a changed type or a shorter length that existing values break, or a
 * different record key, refuses the publication — and once it is published the dataset follows: added items
 * become columns, removed items are retired (their values stay in the tables and the history).
 */
@Component
class DatasetMigration implements PublicationGuard {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PublishedCatalog catalog;
    private final DatasetTables tables;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DatasetMigration(JdbcClient jdbc, TransactionTemplate transactions, PublishedCatalog catalog, DatasetTables tables,
            Directory directory, WorkingDayCalendar calendar, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalog = catalog;
        this.tables = tables;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Override
    public List<Violation> check(long entryId, EntryContent next) {
        Optional<DatasetRow> dataset = datasetOf(entryId);
        if (dataset.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<Column> columns = tables.columns(dataset.get().id());
        List<String> keyNow = columns.stream().filter(Column::recordKey).map(Column::itemName).toList();
        List<String> keyNext = next.dataItems().stream().filter(DataItem::recordKey).map(DataItem::name).toList();
        if (!keyNow.equals(keyNext)) {
            violations.add(Violation.of("dataItems", ProblemCode.RECORD_KEY_CHANGED));
        }
        PublishedEntry current = catalog.byId(entryId).orElse(null);
        Map<String, DataItem> before = current == null ? Map.of()
                : current.content().dataItems().stream().collect(Collectors.toMap(DataItem::name, Function.identity()));
        ValueStandards standards = new ValueStandards(directory::isDivisionCode, calendar.today());
        for (int i = 0; i < next.dataItems().size(); i++) {
            DataItem item = next.dataItems().get(i);
            DataItem old = before.get(item.name());
            Column column = columns.stream().filter(c -> c.itemName().equals(item.name()) && !c.retired()).findFirst()
                    .orElse(null);
            if (old == null || column == null || sameShape(old, item)) {
                continue;
            }
            long misfits = misfits(dataset.get().table(), column, item, standards);
            if (misfits > 0) {
                violations.add(Violation.of("dataItems[" + i + "].type", ProblemCode.DATA_ITEM_CHANGE_LOSES_DATA,
                        misfits, item.name()));
            }
        }
        return violations;
    }

    /** Brings the dataset to the entry's published version, if it is behind. */
    void follow(Dataset dataset) {
        PublishedEntry entry = catalog.byId(dataset.entryId()).orElse(null);
        if (entry == null || entry.version() <= dataset.schemaVersion()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            List<Column> columns = tables.columns(dataset.id());
            List<String> names = entry.content().dataItems().stream().map(DataItem::name).toList();
            int position = columns.stream().mapToInt(Column::position).max().orElse(-1);
            for (DataItem item : entry.content().dataItems()) {
                Optional<Column> existing = columns.stream().filter(c -> c.itemName().equals(item.name())).findFirst();
                if (existing.isEmpty()) {
                    String column = DatasetTables.columnName(item.name());
                    for (String table : List.of(dataset.tableName(), dataset.tableName() + "_h", dataset.tableName() + "_s")) {
                        jdbc.sql("alter table " + DatasetTables.checked(table) + " add column " + column + " text").update();
                    }
                    jdbc.sql("""
                            insert into lake_dataset_column (dataset_id, item_name, column_name, position, record_key,
                                sealed) values (?, ?, ?, ?, false, ?)""")
                            .params(dataset.id(), item.name(), column, ++position, tables.sealsItem(item)).update();
                } else if (existing.get().retired()) {
                    jdbc.sql("update lake_dataset_column set retired = false where dataset_id = ? and item_name = ?")
                            .params(dataset.id(), item.name()).update();
                }
                boolean seal = tables.sealsItem(item);
                // a key item keeps its sealing: the stored form of every record key (a digest or the text) follows it
                if (existing.isPresent() && existing.get().sealed() != seal && !existing.get().recordKey()
                        && tables.sealingOn()) {
                    // the item became personal information, or stopped being it: its stored values follow
                    tables.changeSealing(dataset.tableName(), existing.get().columnName(), seal);
                    jdbc.sql("update lake_dataset_column set sealed = ? where dataset_id = ? and item_name = ?")
                            .params(seal, dataset.id(), item.name()).update();
                }
            }
            for (Column column : columns) {
                if (!column.retired() && !names.contains(column.itemName())) {
                    jdbc.sql("update lake_dataset_column set retired = true where dataset_id = ? and item_name = ?")
                            .params(dataset.id(), column.itemName()).update();
                }
            }
            jdbc.sql("update lake_dataset set schema_version = ? where id = ?").params(entry.version(), dataset.id())
                    .update();
            events.publishEvent(new DatasetMigrated(entry.id()));
            audit.record(AuditEvent.success(LakeAuditAction.DATASET_MIGRATE, "dataset", dataset.id(),
                    "to catalog version " + entry.version()));
        });
    }

    private static boolean sameShape(DataItem old, DataItem next) {
        return old.type() == next.type() && java.util.Objects.equals(old.length(), next.length())
                && java.util.Objects.equals(old.valueStandard(), next.valueStandard());
    }

    /** How many stored values the new definition of the item would refuse. */
    private long misfits(String table, Column column, DataItem item, ValueStandards standards) {
        DataItem optional = new DataItem(item.name(), item.chineseName(), item.type(), item.length(), false, false,
                item.valueStandard(), item.sensitivity());
        RecordValidator validator = new RecordValidator(List.of(optional),
                QualityRules.derive(List.of(optional), standards).rules());
        long[] misfits = { 0 };
        String name = DatasetTables.checked(column.columnName());
        jdbc.sql("select " + name + " from " + DatasetTables.checked(table) + " where "
                + name + " is not null").query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    if (!validator.validate(Map.of(item.name(), tables.plain(column, rs.getString(1)))).isEmpty()) {
                        misfits[0]++;
                    }
                });
        return misfits[0];
    }

    private record DatasetRow(long id, String table) {
    }

    private Optional<DatasetRow> datasetOf(long entryId) {
        return jdbc.sql("select id, table_name from lake_dataset where entry_id = ?").param(entryId)
                .query((rs, n) -> new DatasetRow(rs.getLong(1), rs.getString(2))).optional();
    }
}
