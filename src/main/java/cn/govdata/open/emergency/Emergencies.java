package cn.govdata.open.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.release.OpenAccess;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Emergency data (应急数据, OPN-7, AB32: 突发事件应对中及时开放并动态更新): the data authority's catalog reviewer flags
 * an open dataset of its region as emergency data, with the reason, the last day and the update cycle it must keep
 * meanwhile (daily unless said: real-time, daily or weekly); the portal pins it above the rest and in search, the
 * lake's on-time check follows the raised cycle ({@link EmergencyCycles}), and its change feed shows the flag. The
 * authority lifts the flag, or it lapses after its last day; then everything is as before. Audited.
 */
@Service
class Emergencies {

    static final Set<UpdateCycle> RAISED_CYCLES = Set.of(UpdateCycle.REALTIME, UpdateCycle.DAILY, UpdateCycle.WEEKLY);
    static final int MAX_DAYS = 366;

    private static final String SELECT = """
            select id, dataset_id, reason, until_on, update_cycle, flagged_by, flagged_at, lifted_at, lifted_by,
                   lift_reason
            from open_emergency""";

    private final JdbcClient jdbc;
    private final OpenedDatasets datasets;
    private final DatasetChanges changes;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    Emergencies(JdbcClient jdbc, OpenedDatasets datasets, DatasetChanges changes, WorkingDayCalendar calendar,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.changes = changes;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    Emergency flag(Actor actor, String reference, String reason, LocalDate until, UpdateCycle cycle) {
        OpenAccess.requireConfirmer(actor, actor.regionId());
        if (reference == null || reference.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.dataset"));
        }
        OpenedDataset dataset = datasets.visible(reference).filter(d -> d.regionId() == actor.regionId())
                .orElseThrow(() -> DomainException.notFound("open-dataset", reference));
        String why = FreeText.required(reason, 2000, "emergencyReason");
        LocalDate today = calendar.today();
        if (until == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.emergencyUntil"));
        }
        if (until.isBefore(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.emergencyUntil"), until);
        }
        UpdateCycle raised = cycle == null ? UpdateCycle.DAILY : cycle;
        if (!RAISED_CYCLES.contains(raised)) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.emergencyCycle"), raised);
        }
        datasets.lock(dataset.id());
        if (inForce(dataset.id()).isPresent()) {
            throw new DomainException(ProblemCode.CONFLICT, Labels.label("emergency.flagged"));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_emergency (dataset_id, reason, until_on, update_cycle, flagged_by, flagged_at)
                values (?, ?, ?, ?, ?, ?)""").params(dataset.id(), why, until, raised.name(), actor.name(), now)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        changes.add(dataset.id(), DatasetChanges.Kind.FLAGGED, now, why + "（至 " + until + "）");
        datasets.touched(dataset.id());
        audit.record(AuditEvent.success(OpenAuditAction.EMERGENCY_FLAG, "open-dataset", dataset.packageId(),
                "until " + until + ", cycle " + raised + ": " + why));
        return find(id).orElseThrow();
    }

    /** The authority lifts the flag: pin, raised cycle and all are gone. */
    @Transactional
    Emergency lift(Actor actor, long id, String reason) {
        Emergency emergency = find(id).filter(e -> datasets.byId(e.datasetId())
                .map(d -> d.regionId() == actor.regionId()).orElse(false) && actor.authority())
                .orElseThrow(() -> DomainException.notFound("open-emergency", id));
        OpenAccess.requireConfirmer(actor, actor.regionId());
        String why = FreeText.optional(reason, 2000, "emergencyReason");
        if (!emergency.inForce(calendar.today())) {
            throw new DomainException(ProblemCode.CONFLICT, Labels.label("emergency.lifted"));
        }
        lifted(emergency, actor.name(), why);
        return find(id).orElseThrow();
    }

    /** Flags past their last day lapse: lifted as if by the authority, so that everything is restored. */
    @Scheduled(fixedDelayString = "${govdata.open.emergency-sweep-interval:PT10M}", initialDelayString = "PT1M")
    @Transactional
    public void lapse() {
        LocalDate today = calendar.today();
        for (Emergency e : jdbc.sql(SELECT + " where lifted_at is null and until_on < ?").param(today)
                .query(Emergencies::map).list()) {
            lifted(e, "system", "到期");
        }
    }

    private void lifted(Emergency emergency, String by, String reason) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("update open_emergency set lifted_at = ?, lifted_by = ?, lift_reason = ? where id = ?")
                .params(now, by, reason, emergency.id()).update();
        changes.add(emergency.datasetId(), DatasetChanges.Kind.LIFTED, now, reason);
        datasets.touched(emergency.datasetId());
        audit.record(AuditEvent.success(OpenAuditAction.EMERGENCY_LIFT, "open-dataset",
                datasets.byId(emergency.datasetId()).map(OpenedDataset::packageId).orElse(null),
                by + (reason == null ? "" : ": " + reason)));
    }

    /** The flags in force today, newest first, of datasets the public sees. */
    List<Emergency> inForce() {
        return jdbc.sql(SELECT + " where lifted_at is null and until_on >= ? order by flagged_at desc, id desc")
                .param(calendar.today()).query(Emergencies::map).list();
    }

    Optional<Emergency> inForce(long datasetId) {
        return jdbc.sql(SELECT + " where dataset_id = ? and lifted_at is null and until_on >= ?")
                .params(datasetId, calendar.today()).query(Emergencies::map).optional();
    }

    /** The region's flags, those lifted too, newest first (the authority's list). */
    List<Emergency> ofRegion(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.authority()) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return jdbc.sql(SELECT + " where dataset_id in (select id from open_dataset where region_id = ?)"
                + " order by flagged_at desc, id desc fetch first 500 rows only").param(actor.regionId())
                .query(Emergencies::map).list();
    }

    LocalDate today() {
        return calendar.today();
    }

    private Optional<Emergency> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Emergencies::map).optional();
    }

    private static Emergency map(ResultSet rs, int row) throws SQLException {
        return new Emergency(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("reason"),
                rs.getObject("until_on", LocalDate.class), UpdateCycle.valueOf(rs.getString("update_cycle")),
                rs.getString("flagged_by"), rs.getObject("flagged_at", OffsetDateTime.class),
                rs.getObject("lifted_at", OffsetDateTime.class), rs.getString("lifted_by"),
                rs.getString("lift_reason"));
    }
}
