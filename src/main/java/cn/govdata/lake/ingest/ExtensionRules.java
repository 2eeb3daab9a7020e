package cn.govdata.lake.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.lake.dataset.Dataset;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.quality.QualityRule;
import cn.govdata.lake.quality.QualityRules;
import cn.govdata.lake.quality.RecordValidator;
import cn.govdata.lake.quality.ValueStandards;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;
import jakarta.validation.constraints.Size;

/**
 * Extension rules of a dataset (AGG-4): the providing department or the data authority adds checks the
 * catalog's data items do not imply — an item's code list, a number or date range, a pattern — and every
 * later delivery (file or push) is checked against them too. Rules are retired, not deleted, so a report
 * can always be explained by the rules in force when it was made.
 */
@Service
public class ExtensionRules {

    enum Kind { CODE_LIST, NUMBER_RANGE, DATE_RANGE, PATTERN }

    /**
     * @param values the codes of a code list
     * @param min lower bound of a range (a number, or an ISO date), or null
     * @param max upper bound of a range, or null
     * @param pattern a regular expression the whole value must match
     */
    record Params(List<String> values, String min, String max, String pattern) {
    }

    record NewRule(@Size(max = 64) String item, Kind kind, Params params,
            @Size(max = 200) String description) {
    }

    record Rule(long id, long datasetId, String item, Kind kind, Params params, String description, boolean active,
            String createdBy, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final LakeDatasets datasets;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final JsonMapper json;

    ExtensionRules(JdbcClient jdbc, LakeDatasets datasets, Directory directory, WorkingDayCalendar calendar,
            AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
    }

    /** The validator of a delivery: the rules the data items imply, then the dataset's active extensions. */
    public RecordValidator validator(Dataset dataset, List<cn.govdata.catalog.DataItem> items) {
        ValueStandards standards = new ValueStandards(directory::isDivisionCode, calendar.today());
        return new RecordValidator(items, QualityRules.derive(items, standards).with(rulesOf(dataset.id())).rules());
    }

    @Transactional
    Rule add(Actor actor, long datasetId, NewRule request) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeAccess.keepRules(actor, dataset);
        if (request.item() == null || dataset.liveColumns().stream().map(Column::itemName).noneMatch(request.item()::equals)) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("item"),
                    String.join(" / ", dataset.liveColumns().stream().map(Column::itemName).toList()));
        }
        if (request.kind() == null || request.params() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of(request.kind() == null ? "kind" : "params"));
        }
        if (request.description() == null || request.description().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("description"));
        }
        Params params = request.params();
        toRule(request.item(), request.kind(), params, request.description());  // refuses what cannot become a rule
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_quality_rule (dataset_id, item_name, kind, params, description, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(datasetId, request.item(), request.kind().name(), json.writeValueAsString(params),
                        request.description().strip(), actor.name(), LakeDatasets.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(LakeAuditAction.RULE_ADD, "dataset", datasetId, request.item() + " " + request.kind()));
        return get(id);
    }

    List<Rule> list(Actor actor, long datasetId) {
        datasets.get(actor, datasetId);
        return jdbc.sql(SELECT + " where dataset_id = ? order by id").param(datasetId).query(this::map).list();
    }

    @Transactional
    Rule retire(Actor actor, long datasetId, long ruleId) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeAccess.keepRules(actor, dataset);
        Rule rule = get(ruleId);
        if (rule.datasetId() != datasetId) {
            throw DomainException.notFound("rule", ruleId);
        }
        if (!rule.active()) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED);
        }
        jdbc.sql("update lake_quality_rule set active = false, retired_by = ?, retired_at = ? where id = ?")
                .params(actor.name(), LakeDatasets.now(), ruleId).update();
        audit.record(AuditEvent.success(LakeAuditAction.RULE_RETIRE, "dataset", datasetId, rule.item() + " " + rule.kind()));
        return get(ruleId);
    }

    /** The active extension rules of a dataset, ready for the validator. */
    List<QualityRule> rulesOf(long datasetId) {
        return jdbc.sql(SELECT + " where dataset_id = ? and active order by id").param(datasetId).query(this::map).list()
                .stream().map(r -> toRule(r.item(), r.kind(), r.params(), r.description())).toList();
    }

    private static QualityRule toRule(String item, Kind kind, Params params, String description) {
        try {
            return switch (kind) {
                case CODE_LIST -> {
                    if (params.values() == null || params.values().isEmpty()) {
                        throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("values"));
                    }
                    yield QualityRule.codeList(item, description, new LinkedHashSet<>(params.values()));
                }
                case NUMBER_RANGE -> new QualityRule.NumberRange(item, number(params.min()), number(params.max()));
                case DATE_RANGE -> new QualityRule.DateRange(item, date(params.min()), date(params.max()));
                case PATTERN -> {
                    if (params.pattern() == null || params.pattern().isBlank()) {
                        throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("pattern"));
                    }
                    yield new QualityRule.Matches(item, Pattern.compile(params.pattern()), description);
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("params"), "min / max");
        } catch (PatternSyntaxException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("pattern"), "a regular expression");
        }
    }

    private static BigDecimal number(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    private Rule get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("rule", id));
    }

    private static final String SELECT = """
            select id, dataset_id, item_name, kind, params, description, active, created_by, created_at
            from lake_quality_rule""";

    private Rule map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Rule(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("item_name"),
                Kind.valueOf(rs.getString("kind")), json.readValue(rs.getString("params"), Params.class),
                rs.getString("description"), rs.getBoolean("active"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
