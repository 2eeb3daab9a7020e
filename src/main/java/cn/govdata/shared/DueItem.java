package cn.govdata.shared;

import java.time.LocalDate;

/**
 * One piece of work due from the user, as the workbench (工作台) shows it: {@code kind} names the kind of work
 * (the console labels it, e.g. {@code catalog.review} 待审核目录), {@code link} the console page where it is done,
 * {@code dueOn} the Beijing date it is due (none where the regulation fixes none) and {@code workingDaysLeft} the
 * working days from today to then by the platform's calendar (negative when overdue).
 */
public record DueItem(String kind, String title, String link, LocalDate dueOn, Integer workingDaysLeft,
        boolean overdue) {
}
