package cn.govdata.policy;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working days (工作日) as Chinese administrative deadlines count them: Monday to Friday, less the State
 * Council's holidays, plus its make-up working days (调休). The one component every deadline in the
 * product is computed by, in the Asia/Shanghai zone. The day of the event is not counted (期间开始之日不计入):
 * a deadline of N working days falls on the N-th working day after it. A year whose arrangement is not
 * known is counted with weekends only, and every answer that touches it says so.
 */
@Component
public class WorkingDayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public enum Reason { WEEKEND, HOLIDAY }

    /** A day that is not counted, and why. */
    public record SkippedDay(LocalDate date, Reason reason, String name) {
    }

    /**
     * @param from the day of the event (not counted)
     * @param workingDays how many working days are allowed
     * @param due the last day of the period
     * @param skipped the days in between that were not counted
     * @param unknownYears years in the period whose holiday arrangement is not known (weekends only)
     */
    public record Deadline(LocalDate from, int workingDays, LocalDate due, List<SkippedDay> skipped,
            List<Integer> unknownYears) {
    }

    /** One special day of an arrangement: a holiday (off) or a make-up working day. */
    public record SpecialDay(LocalDate date, boolean offDay, String name) {
    }

    private record Snapshot(Map<LocalDate, SpecialDay> days, Set<Integer> knownYears, Set<Integer> enteredYears) {
    }

    private final Map<LocalDate, SpecialDay> shippedDays;
    private final Set<Integer> shippedYears;
    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    WorkingDayCalendar(JsonMapper json, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.shippedDays = new HashMap<>();
        this.shippedYears = new HashSet<>();
        readShipped(json);
    }

    public boolean isWorkingDay(LocalDate date) {
        SpecialDay special = current().days().get(date);
        if (special != null) {
            return !special.offDay();
        }
        return !isWeekend(date);
    }

    /** The deadline N working days after the day of the event. */
    public Deadline dueAfter(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        Snapshot calendar = current();
        List<SkippedDay> skipped = new ArrayList<>();
        Set<Integer> unknownYears = new TreeSet<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (!calendar.knownYears().contains(day.getYear())) {
                unknownYears.add(day.getYear());
            }
            SpecialDay special = calendar.days().get(day);
            if (special != null ? !special.offDay() : !isWeekend(day)) {
                counted++;
            } else {
                skipped.add(new SkippedDay(day, special != null ? Reason.HOLIDAY : Reason.WEEKEND,
                        special != null ? special.name() : null));
            }
        }
        return new Deadline(from, workingDays, day, List.copyOf(skipped), List.copyOf(unknownYears));
    }

    /** The deadline for an event at an instant, taking the event's date in Beijing time. */
    public Deadline dueAfter(Instant event, int workingDays) {
        return dueAfter(LocalDate.ofInstant(event, ZONE), workingDays);
    }

    /** For periods counted in calendar days (e.g. FZ18's 15 days): the day count, without skipping. */
    public LocalDate dueAfterCalendarDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + days);
        }
        return from.plusDays(days);
    }

    /** Working days in (from, to]: how far into a period, or how late, a date is. Negative if to is before from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Whether the arrangement of a year is known, and whether the authority entered it. */
    public boolean isKnown(int year) {
        return current().knownYears().contains(year);
    }

    public boolean isEntered(int year) {
        return current().enteredYears().contains(year);
    }

    /** The special days (holidays and make-up working days) of a year, in date order. */
    public List<SpecialDay> specialDays(int year) {
        return current().days().values().stream().filter(d -> d.date().getYear() == year)
                .sorted(java.util.Comparator.comparing(SpecialDay::date)).toList();
    }

    /** Called after the authority entered a year, so that the next deadline uses it. */
    void reload() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        Map<LocalDate, SpecialDay> days = new HashMap<>(shippedDays);
        Set<Integer> known = new HashSet<>(shippedYears);
        Set<Integer> entered = new HashSet<>(
                jdbc.sql("select year_number from calendar_year").query(Integer.class).list());
        // an entered year replaces what was shipped for it
        days.keySet().removeIf(date -> entered.contains(date.getYear()));
        jdbc.sql("select day_date, off_day, name from calendar_day").query((rs, n) -> new SpecialDay(
                rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
                .list().forEach(d -> days.put(d.date(), d));
        known.addAll(entered);
        return new Snapshot(Map.copyOf(days), Set.copyOf(known), Set.copyOf(entered));
    }

    private void readShipped(JsonMapper json) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:policy/holiday-cn/*.json");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    JsonNode days = root.get("days");
                    if (days == null || days.isEmpty()) {
                        continue; // the notice for that year is not out yet
                    }
                    shippedYears.add(root.get("year").asInt());
                    for (JsonNode day : days) {
                        LocalDate date = LocalDate.parse(day.get("date").asString());
                        shippedDays.put(date, new SpecialDay(date, day.get("isOffDay").asBoolean(), day.get("name").asString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the shipped holiday arrangements", e);
        }
        if (shippedYears.isEmpty()) {
            throw new IllegalStateException("No holiday arrangements found under policy/holiday-cn");
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
