package cn.govdata.policy;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.json.JsonMapper;

/** The real working-day calendar (shipped State Council arrangements) for unit tests of other modules. */
public final class TestCalendars {

    private TestCalendars() {
    }

    public static WorkingDayCalendar real() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:calendar-shared-unit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).load().migrate();
        return new WorkingDayCalendar(JsonMapper.builder().build(), JdbcClient.create(db));
    }
}
