package cn.govdata.lake.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.quality.IdNumber;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemResponses;
import cn.govdata.shared.Role;

/**
 * Demo mode only: the public-security bureau's population dataset with a few hundred generated residents
 * (valid ID numbers, names, sex and birth date agreeing with them), pushed through the same path a
 * department's system uses, so that the lake pages have data to show. Runs once, after the demo catalog.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("govdata.demo")
@Order(3)
class LakeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LakeDemoData.class);
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "于" };
    private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明" };

    private final JdbcClient jdbc;
    private final LakeDatasets datasets;
    private final RecordPush push;

    LakeDemoData(JdbcClient jdbc, LakeDatasets datasets, RecordPush push) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.push = push;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from lake_dataset").query(Integer.class).single() > 0) {
            return;
        }
        record Population(long entryId, long departmentId, long regionId) {
        }
        var population = jdbc.sql("""
                select e.id, e.department_id, e.region_id from catalog_entry e
                join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where v.name = '人口基本信息' and not e.retired""")
                .query((rs, n) -> new Population(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
        if (population.isEmpty()) {
            return;
        }
        Population entry = population.get();
        Actor provider = new Actor(Actor.Kind.USER, 0, "demo-data", entry.departmentId(), entry.regionId(), false,
                Set.of(Role.DATA_PROVIDER));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(provider, null, List.of()));
        try {
            long datasetId = datasets.create(provider, entry.entryId()).id();
            for (int batch = 0; batch < 3; batch++) {
                push.push(provider, datasetId, new RecordPush.PushRequest("demo-" + batch, residents(batch * 100, 100)),
                        ProblemResponses.DEFAULT_LOCALE);
            }
            log.info("Demo lake loaded: dataset {} with 300 residents", datasetId);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<Map<String, Object>> residents(int from, int count) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            String birth = String.format("%04d%02d%02d", 1950 + n % 55, 1 + n % 12, 1 + n % 28);
            String sequence = String.format("%03d", 100 + n % 900);
            String first17 = "370602" + birth + sequence;
            boolean man = (100 + n % 900) % 2 == 1;  // GB 11643: an odd 17th digit is a man
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id_number", first17 + IdNumber.checkCharacter(first17));
            record.put("full_name", SURNAMES[n % SURNAMES.length] + GIVEN[(n / 3) % GIVEN.length]);
            record.put("gender", man ? "1" : "2");
            record.put("ethnicity", "01");
            record.put("birth_date", birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6));
            record.put("household_division", "370602");
            record.put("household_address", "烟台市芝罘区示范路" + (n % 200 + 1) + "号");
            records.add(record);
        }
        return records;
    }
}
