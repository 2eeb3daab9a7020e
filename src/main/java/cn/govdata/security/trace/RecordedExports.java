package cn.govdata.security.trace;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.org.Directory;
import cn.govdata.security.ExportWatermark;
import cn.govdata.security.ExportWatermarks;
import cn.govdata.security.ExportWatermarks.GrantKind;

/**
 * The exports to consumers, recorded as they start (SHR-6), each with the watermark its file carries; and, for
 * tracing, the exports of a region's data.
 */
@Service
class RecordedExports implements ExportWatermarks {

    /** One recorded export. */
    record RecordedExport(long id, GrantKind kind, long grantId, long entryId, String resourceCode,
            Long consumerDepartmentId, String holderName, long records, OffsetDateTime exportedAt) {
    }

    private final JdbcClient jdbc;
    private final WatermarkKey key;
    private final Directory directory;
    private final TransactionTemplate ownTransaction;

    RecordedExports(JdbcClient jdbc, WatermarkKey key, Directory directory, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.key = key;
        this.directory = directory;
        // an export starts inside the lake's read-only snapshot: its record is written, and kept, on its own
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public ExportWatermark begin(ExportedFile file) {
        long regionId = directory.department(file.providerDepartmentId()).orElseThrow().regionId();
        // to the millisecond, as the database keeps it everywhere: the time traced is the time recorded
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        byte[] secret = key.bytes();
        KeyHolder id = new GeneratedKeyHolder();
        ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into security_trace_export (grant_kind, grant_id, entry_id, resource_code,"
                + " provider_department_id, consumer_department_id, holder_name, region_id, records, exported_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(file.kind().name(), file.grantId(), file.entryId(), file.resourceCode(),
                        file.providerDepartmentId(), file.consumerDepartmentId(), file.holderName(), regionId,
                        file.records(), now)
                .update(id, "id"));
        long exportId = id.getKey().longValue();
        ExportFingerprint fingerprint = new ExportFingerprint(secret, exportId);
        return new ExportWatermark() {
            @Override
            public long exportId() {
                return exportId;
            }

            @Override
            public String mark(String cell) {
                return fingerprint.mark(cell);
            }
        };
    }

    /** The exports of the region's data, newest first. */
    List<RecordedExport> ofRegion(long regionId) {
        return jdbc.sql("select id, grant_kind, grant_id, entry_id, resource_code, consumer_department_id, holder_name,"
                + " records, exported_at from security_trace_export where region_id = ? order by id desc")
                .param(regionId)
                .query((rs, n) -> new RecordedExport(rs.getLong("id"), GrantKind.valueOf(rs.getString("grant_kind")),
                        rs.getLong("grant_id"), rs.getLong("entry_id"), rs.getString("resource_code"),
                        rs.getObject("consumer_department_id", Long.class), rs.getString("holder_name"),
                        rs.getLong("records"), rs.getObject("exported_at", OffsetDateTime.class)))
                .list();
    }

    /** The fingerprint of a recorded export, for comparing a file with it. */
    ExportFingerprint fingerprint(long exportId) {
        return new ExportFingerprint(key.bytes(), exportId);
    }
}
