package cn.govdata.shared.notify;

import java.util.List;

/**
 * A notice the platform raises for people to read in their inbox (and, where they or their department asked for
 * it, by e-mail or webhook): a correction order to a department, an application waiting for an approver, an
 * escalation for the chief data officer. Modules publish it as an event; the {@code notice} module resolves the
 * addressees to users, stores one notice per user and delivers it after the raising transaction committed, so
 * that raising never waits for or fails with a delivery.
 *
 * @param key what the notice is about, unique per occurrence (e.g. {@code violation-ordered:42}): the same key
 *     reaches a user once however often the event is delivered
 * @param kind the kind of notice (the console labels it in the reader's language, e.g. 整改通知)
 * @param title one line in plain Chinese, as a clerk reads it
 * @param body a few sentences in plain Chinese, or none
 * @param link the console page where the matter is handled, or none
 * @param departmentId the department the matter concerns, or none; its webhook receives the notice
 * @param to who must read it
 */
public record NoticeRaised(String key, String kind, String title, String body, String link, Long departmentId,
        List<Addressee> to) {

    public NoticeRaised {
        to = List.copyOf(to);
    }
}
