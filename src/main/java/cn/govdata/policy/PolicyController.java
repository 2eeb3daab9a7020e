package cn.govdata.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.policy.WorkingDayCalendar.Deadline;
import cn.govdata.policy.WorkingDayCalendar.SpecialDay;
import cn.govdata.shared.WholeNumber;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The policy profile in force and the working-day calendar. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Policy and calendar", description = "the regional profile in force; working days and deadlines")
class PolicyController {

    static final int MAX_WORKING_DAYS = 366;

    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final CalendarArrangements arrangements;
    private final MessageSource messages;

    PolicyController(ActivePolicy policy, WorkingDayCalendar calendar, CalendarArrangements arrangements,
            MessageSource messages) {
        this.policy = policy;
        this.calendar = calendar;
        this.arrangements = arrangements;
        this.messages = messages;
    }

    @GetMapping("/policy")
    PolicyProfile policy() {
        Actor.require();
        return policy.profile();
    }

    record DeadlineAnswer(LocalDate from, int workingDays, LocalDate due, List<WorkingDayCalendar.SkippedDay> skipped,
            List<String> warnings, List<Integer> unknownYears) {
    }

    @GetMapping("/calendar/deadline")
    DeadlineAnswer deadline(@RequestParam(required = false) String from,
            @RequestParam(required = false) String workingDays, HttpServletRequest request) {
        Actor.require();
        LocalDate start = date(from);
        int days;
        try {
            days = WholeNumber.parseInt(workingDays == null ? "" : workingDays.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(ProblemCode.INVALID_WORKING_DAYS, 0, MAX_WORKING_DAYS);
        }
        if (days < 0 || days > MAX_WORKING_DAYS) {
            throw new DomainException(ProblemCode.INVALID_WORKING_DAYS, 0, MAX_WORKING_DAYS);
        }
        Deadline deadline = calendar.dueAfter(start, days);
        return new DeadlineAnswer(deadline.from(), deadline.workingDays(), deadline.due(), deadline.skipped(),
                warnings(deadline.unknownYears(), request), deadline.unknownYears());
    }

    enum Kind { WORKDAY, WEEKEND, HOLIDAY, MAKEUP_WORKDAY }

    record CalendarDay(LocalDate date, boolean working, Kind kind, String name) {
    }

    record Year(int year, boolean known, boolean entered, int workingDays, List<CalendarDay> days,
            List<String> warnings) {
    }

    @GetMapping("/calendar/{year}")
    Year year(@PathVariable int year, HttpServletRequest request) {
        Actor.require();
        CalendarArrangements.requireYear(year);
        Map<LocalDate, SpecialDay> special = calendar.specialDays(year).stream()
                .collect(Collectors.toMap(SpecialDay::date, Function.identity()));
        List<CalendarDay> days = new ArrayList<>(366);
        int working = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            SpecialDay s = special.get(day);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            Kind kind = s != null ? (s.offDay() ? Kind.HOLIDAY : Kind.MAKEUP_WORKDAY) : weekend ? Kind.WEEKEND : Kind.WORKDAY;
            boolean isWorking = kind == Kind.WORKDAY || kind == Kind.MAKEUP_WORKDAY;
            working += isWorking ? 1 : 0;
            days.add(new CalendarDay(day, isWorking, kind, s == null ? null : s.name()));
        }
        List<String> warnings = calendar.isKnown(year) ? List.of() : warnings(List.of(year), request);
        return new Year(year, calendar.isKnown(year), calendar.isEntered(year), working, days, warnings);
    }

    record EnteredDay(@NotNull LocalDate date, @NotNull Boolean offDay, @Size(max = 50) String name) {
    }

    record Arrangement(@Size(max = 500) String source, @NotNull @Size(max = 120) List<@Valid @NotNull EnteredDay> days) {
    }

    @PutMapping("/calendar/{year}")
    ResponseEntity<Year> enter(@PathVariable int year, @Valid @RequestBody Arrangement arrangement,
            HttpServletRequest request) {
        arrangements.enter(Actor.require(), year,
                arrangement.days().stream().map(d -> new SpecialDay(d.date(), d.offDay(), d.name())).toList(),
                arrangement.source());
        return ResponseEntity.ok(year(year, request));
    }

    private List<String> warnings(List<Integer> years, HttpServletRequest request) {
        Locale locale = ProblemResponses.localeOf(request);
        return years.stream()
                .map(y -> messages.getMessage("calendar.no-arrangement", new Object[] { String.valueOf(y) }, locale))
                .toList();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new DomainException(ProblemCode.INVALID_DATE, value == null ? "" : value);
        }
    }

}
