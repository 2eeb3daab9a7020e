package cn.govdata.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.policy.WorkingDayCalendar.SpecialDay;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * The authority enters or corrects a year's holiday arrangement when the State Council publishes it
 * (usually November or December). The whole year is replaced at once, so a half-entered year never
 * decides a deadline.
 */
@Service
class CalendarArrangements {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    CalendarArrangements(JdbcClient jdbc, WorkingDayCalendar calendar, AuditLog audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    void enter(Actor actor, int year, List<SpecialDay> days, String source) {
        PolicyAccess.requireCalendarKeeper(actor);
        requireYear(year);
        Set<LocalDate> seen = new HashSet<>();
        for (SpecialDay day : days) {
            // the notice for a year also covers the New Year days around it
            boolean adjacent = day.date().getYear() == year
                    || (day.date().getYear() == year + 1 && day.date().getMonthValue() == 1)
                    || (day.date().getYear() == year - 1 && day.date().getMonthValue() == 12);
            if (!adjacent) {
                throw new DomainException(ProblemCode.INVALID_CALENDAR, day.date() + " is not in " + year);
            }
            if (!seen.add(day.date())) {
                throw new DomainException(ProblemCode.INVALID_CALENDAR, day.date() + " is listed twice");
            }
            boolean weekend = day.date().getDayOfWeek().getValue() >= 6;
            if (!day.offDay() && !weekend) {
                throw new DomainException(ProblemCode.INVALID_CALENDAR,
                        day.date() + " is a weekday: only weekend days can be make-up working days");
            }
        }
        // days of neighbouring years entered under this year belong to that notice: keyed by date, so
        // entering them again elsewhere replaces them
        jdbc.sql("delete from calendar_day where year_number = ?").param(year).update();
        jdbc.sql("delete from calendar_year where year_number = ?").param(year).update();
        jdbc.sql("insert into calendar_year (year_number, source, entered_by, entered_at) values (?, ?, ?, ?)")
                .params(year, source, actor.name(), OffsetDateTime.now(ZoneOffset.UTC)).update();
        for (SpecialDay day : days) {
            jdbc.sql("delete from calendar_day where day_date = ?").param(day.date()).update();
            jdbc.sql("insert into calendar_day (day_date, year_number, off_day, name) values (?, ?, ?, ?)")
                    .params(day.date(), year, day.offDay(), day.name()).update();
        }
        audit.record(AuditEvent.success(PolicyAuditAction.CALENDAR_UPDATE, "calendar-year", year,
                days.size() + " special days" + (source == null ? "" : ", source: " + source)));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        calendar.reload();
                    }
                });
    }

    static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DomainException(ProblemCode.INVALID_CALENDAR, "year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
    }
}
