package cn.govdata.org;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisation as supervision walks it, read-only: every region that has a data authority, so that
 * scheduled work (the detection of violations) can go region by region, and the filings departments owe the
 * authority.
 */
@Component
public class OrgFacts {

    private final JdbcClient jdbc;

    OrgFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A filing to the data authority not reported yet (ORG-2, ORG-3): a change of the chief data officer, the
     * working group or the roster, or the officer's yearly summary.
     *
     * @param subject what it reports, in plain Chinese
     */
    public record UnreportedFiling(long id, long departmentId, String subject, LocalDate dueOn) {

        public boolean overdue(LocalDate today) {
            return today.isAfter(dueOn);
        }
    }

    /** The region's filings not reported yet, for the detection of those overdue. */
    public List<UnreportedFiling> unreportedFilings(long regionId) {
        return jdbc.sql("""
                select id, department_id, subject, due_on from org_change_filing
                where region_id = ? and status = 'OPEN' order by id""")
                .param(regionId).query(UnreportedFiling.class).list();
    }

    /** The ids of the regions with a designated data authority, in id order. */
    public List<Long> supervisedRegions() {
        return jdbc.sql("select distinct region_id from department where authority order by region_id")
                .query(Long.class).list();
    }
}
