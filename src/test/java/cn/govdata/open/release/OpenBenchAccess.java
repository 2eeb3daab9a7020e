package cn.govdata.open.release;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.org.Directory;

/**
 * For bench/open-portal.sh only: opens many published entries at once, writing what an opening writes for the
 * public to read (the dataset row with its search text, tags and change stamp), without the review, the value scan
 * and the audit an opening through the API also does. The portal's search is what is measured, not opening.
 */
public final class OpenBenchAccess {

    private OpenBenchAccess() {
    }

    /** Opens every published, unretired entry of the region whose open type is OPEN; returns how many. */
    public static int openAll(ApplicationContext context, long regionId) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        PublishedCatalog catalog = context.getBean(PublishedCatalog.class);
        OpenedDatasets datasets = context.getBean(OpenedDatasets.class);
        ChangeStamps stamps = context.getBean(ChangeStamps.class);
        Directory directory = context.getBean(Directory.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        List<Long> ids = jdbc.sql("""
                select e.id from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where e.region_id = ? and e.retired = false and v.open_type = 'OPEN'
                  and not exists (select 1 from open_dataset d where d.entry_id = e.id) order by e.id""")
                .param(regionId).query(Long.class).list();
        SecureRandom random = new SecureRandom();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 1000));
            transactions.executeWithoutResult(status -> {
                for (long id : slice) {
                    PublishedEntry entry = catalog.byId(id).orElseThrow();
                    Directory.DepartmentInfo department = directory.department(entry.departmentId()).orElseThrow();
                    byte[] key = new byte[32];
                    random.nextBytes(key);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    OpenedDataset fresh = new OpenedDataset(0, id, PublicNames.packageId(id), PublicNames.resourceId(id),
                            PublicNames.packageName(entry.resourceCode()), entry.regionId(), entry.departmentId(),
                            PublicNames.organizationName(department.creditCode()),
                            PublicNames.organizationId(entry.departmentId()), OpenedDataset.State.OPEN, null,
                            entry.content().openType(), entry.version(), entry.resourceCode(), entry.content(),
                            HexFormat.of().formatHex(key), null, "bench", now, null, null, null, null, null, null, null,
                            null);
                    long datasetId = datasets.insert(fresh);
                    OffsetDateTime stamp = stamps.next();
                    datasets.update(new OpenedDataset(datasetId, id, fresh.packageId(), fresh.resourceId(), fresh.name(),
                            fresh.regionId(), fresh.departmentId(), fresh.organization(), fresh.ownerOrg(),
                            OpenedDataset.State.OPEN, OpenedDataset.ACTIVE, fresh.openType(), fresh.catalogVersion(),
                            fresh.resourceCode(), fresh.content(), fresh.hashKeyHex(), null, "bench", now, null, null, null,
                            null, null, null, stamp, stamp), department.name());
                }
            });
        }
        return ids.size();
    }
}
