package cn.govdata.org;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisation as supervision walks it, read-only: every region that has a data authority, so that
 * scheduled work (the detection of violations) can go region by region.
 */
@Component
public class OrgFacts {

    private final JdbcClient jdbc;

    OrgFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the regions with a designated data authority, in id order. */
    public List<Long> supervisedRegions() {
        return jdbc.sql("select distinct region_id from department where authority order by region_id")
                .query(Long.class).list();
    }
}
