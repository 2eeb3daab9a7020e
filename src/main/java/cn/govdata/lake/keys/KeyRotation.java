package cn.govdata.lake.keys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.dataset.DatasetTables.SealedColumn;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.sealing.LakeKeys;
import cn.govdata.lake.sealing.SealBroken;
import cn.govdata.shared.Actor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Rotation of the keys that seal the lake's personal information (SEC-8), without downtime: a rotation adds a key
 * version that seals every new value at once; a job, once per cluster, re-seals the values of older versions column by
 * column in small transactions while batches, pushes and reads go on (a read opens either version); a version no value
 * uses any more, seen so on two passes in a row (a write that sealed under it just before the rotation has landed by
 * then), is removed from the key file.
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** One version of the keys: whether it seals new values, and how many stored values it still seals. */
    public record KeyVersion(int version, boolean active, long values) {
    }

    private final LakeKeys keys;
    private final DatasetTables tables;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final int chunk;
    /** The old versions found unused on the last pass: retired when found unused again. */
    private final Set<Integer> unusedLastPass = new HashSet<>();

    KeyRotation(LakeKeys keys, DatasetTables tables, TransactionTemplate transactions, AuditLog audit,
            @Value("${govdata.lake.sealing.reseal-chunk:500}") int chunk) {
        this.keys = keys;
        this.tables = tables;
        this.transactions = transactions;
        this.audit = audit;
        this.chunk = chunk;
    }

    /** The key versions, the active one last, with how many stored values each seals. */
    public List<KeyVersion> versions(Actor actor) {
        LakeAccess.manageKeys(actor);
        return versions();
    }

    private List<KeyVersion> versions() {
        Map<Integer, Long> counts = counts();
        int active = keys.active().number();
        List<KeyVersion> versions = new ArrayList<>();
        counts.forEach((version, values) -> versions.add(new KeyVersion(version, version == active, values)));
        return versions;
    }

    private Map<Integer, Long> counts() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        List<SealedColumn> columns = tables.sealedColumns();
        for (int version : keys.versionNumbers()) {
            long values = 0;
            for (SealedColumn column : columns) {
                values += tables.countSealedUnder(column, version);
            }
            counts.put(version, values);
        }
        return counts;
    }

    /** Starts a rotation: a new key version seals from now on; the job re-seals what older ones sealed. */
    public List<KeyVersion> rotate(Actor actor) {
        LakeAccess.manageKeys(actor);
        int added = keys.rotate().number();
        audit.record(AuditEvent.success(LakeAuditAction.KEYS_ROTATE, "lake-key", added,
                "key version " + added + " seals from now on; older versions are re-sealed in the background"));
        return versions();
    }

    @SchedulerLock(name = "lake.reseal")
    @Scheduled(initialDelayString = "${govdata.lake.sealing.reseal-interval:PT10S}",
            fixedDelayString = "${govdata.lake.sealing.reseal-interval:PT10S}")
    void scheduled() {
        reseal();
    }

    /** One pass: re-seals everything older versions seal, then retires the versions unused twice in a row. */
    synchronized void reseal() {
        if (keys.versionNumbers().size() < 2) {
            unusedLastPass.clear();
            return;
        }
        long resealed = 0;
        for (SealedColumn column : tables.sealedColumns()) {
            int done;
            try {
                do {
                    done = transactions.execute(status -> tables.reseal(column, chunk));
                    resealed += done;
                } while (done == chunk);
            } catch (SealBroken broken) {
                // the column keeps its older version (which is therefore not retired) until the value is restored
                log.error("Cannot re-seal {}.{} of dataset {}: {}", column.table(), column.column(), column.datasetId(),
                        broken.getMessage());
            }
        }
        if (resealed > 0) {
            log.info("Re-sealed {} lake values under key version {}", resealed, keys.active().number());
        }
        int active = keys.active().number();
        Set<Integer> unused = new HashSet<>();
        counts().forEach((version, values) -> {
            if (version != active && values == 0) {
                unused.add(version);
            }
        });
        for (int version : unused) {
            if (unusedLastPass.contains(version)) {
                keys.retire(version);
                audit.record(AuditEvent.success(LakeAuditAction.KEY_RETIRE, "lake-key", version,
                        "no stored value uses key version " + version + " any more: removed from the key file"),
                        AuditActor.PLATFORM);
                log.info("Retired lake key version {}", version);
            }
        }
        unusedLastPass.clear();
        unusedLastPass.addAll(unused);
    }
}
