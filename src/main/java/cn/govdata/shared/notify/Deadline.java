package cn.govdata.shared.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * An open deadline a module keeps (an application to answer, a correction order to answer...), for the daily
 * deadline notices: before it is due, on the day and once overdue, each addressee is told once per stage.
 *
 * @param key what the deadline is about, stable while it is open (e.g. {@code share-application:42:PROVIDER}); the
 *     notices' keys are made from it
 * @param what the thing in plain Chinese as a clerk names it, e.g. 共享申请“人口信息”（市民政局申请）
 * @param whatEnglish the same in English, for the English line of the notice
 * @param link the console page where it is handled
 * @param dueOn the Beijing date it is due
 * @param departmentId the department that owes it (its webhook receives the notices)
 * @param to who must act on it
 */
public record Deadline(String key, String what, String whatEnglish, String link, LocalDate dueOn, long departmentId,
        List<Addressee> to) {

    public Deadline {
        to = List.copyOf(to);
    }
}
