package cn.govdata.notice;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.org.Directory;
import cn.govdata.shared.notify.NoticeRaised;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the notices modules raise, after their transaction committed and off the request's thread: stores one
 * per addressed user, records the e-mails, text messages and the department's webhook call to make, commits, then
 * sends them.
 * Spring Modulith keeps the event until this returned, and delivers it again otherwise; storing is idempotent.
 */
@Component
class RaisedNotices {

    private final Recipients recipients;
    private final Inbox inbox;
    private final NoticeSettings settings;
    private final Deliveries deliveries;
    private final Directory directory;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    /** What a text message names as its sender, and what the e-mails ask to log in to. */
    private static final String PLATFORM = "政务数据平台";

    /** A text message in one part: 70 Chinese characters. */
    private static final int SMS_LENGTH = 70;

    RaisedNotices(Recipients recipients, Inbox inbox, NoticeSettings settings, Deliveries deliveries, Directory directory,
            JsonMapper json, PlatformTransactionManager transactions) {
        this.recipients = recipients;
        this.inbox = inbox;
        this.settings = settings;
        this.deliveries = deliveries;
        this.directory = directory;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Async
    @TransactionalEventListener
    void on(NoticeRaised notice) {
        transaction.executeWithoutResult(status -> store(notice));
        deliveries.sendDue();
    }

    /**
     * Stores the notice for each addressee it has not reached yet, with its e-mails, text messages and webhook call;
     * how many.
     */
    int store(NoticeRaised notice) {
        int stored = 0;
        OffsetDateTime raisedAt = Inbox.now();
        Set<Long> users = recipients.of(notice.to());
        for (long userId : users) {
            if (!inbox.store(userId, notice, raisedAt)) {
                continue;
            }
            stored++;
            settings.preferenceOf(userId).ifPresent(preference -> {
                if (preference.emailEnabled() && preference.emailAvailable()) {
                    deliveries.enqueue(notice.key(), Deliveries.Channel.EMAIL, preference.email(), notice.title(),
                            emailText(notice));
                }
                // once per notice and number: the delivery's key holds the number
                if (preference.smsEnabled() && preference.smsAvailable()) {
                    deliveries.enqueue(notice.key(), Deliveries.Channel.SMS, preference.mobile(), notice.title(),
                            smsText(notice));
                }
            });
        }
        if (notice.departmentId() != null) {
            settings.webhookOf(notice.departmentId()).ifPresent(url -> deliveries.enqueue(notice.key(),
                    Deliveries.Channel.WEBHOOK, url, notice.title(), webhookBody(notice, raisedAt)));
        }
        return stored;
    }

    private static String emailText(NoticeRaised notice) {
        return notice.title() + "\n\n" + (notice.body() == null ? "" : notice.body() + "\n\n")
                + "请登录" + PLATFORM + "处理。";
    }

    /**
     * A text message says only the platform's name and the notice's title (nothing beyond what the notice says, and
     * not its body), in one part: a longer title is cut.
     */
    private static String smsText(NoticeRaised notice) {
        String text = "【" + PLATFORM + "】" + notice.title().strip();
        if (text.length() <= SMS_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SMS_LENGTH - 2)) ? SMS_LENGTH - 2 : SMS_LENGTH - 1;
        return text.substring(0, end) + "…";
    }

    /** What the department's system receives: the notice in plain words, and which department it concerns. */
    private String webhookBody(NoticeRaised notice, OffsetDateTime raisedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", notice.key());
        body.put("kind", notice.kind());
        body.put("title", notice.title());
        body.put("body", notice.body());
        body.put("link", notice.link());
        body.put("departmentId", notice.departmentId());
        body.put("departmentName", directory.department(notice.departmentId())
                .map(Directory.DepartmentInfo::name).orElse(null));
        body.put("raisedAt", raisedAt.toString());
        return json.writeValueAsString(body);
    }
}
