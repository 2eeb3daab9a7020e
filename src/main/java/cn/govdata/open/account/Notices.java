package cn.govdata.open.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemResponses;

/**
 * What the platform tells a public account holder: always as a notice on their account (shown on the portal in the
 * reader's language), and also by SMS or e-mail to their contact when they agreed to it. A message is sent after
 * the change that caused it has committed; one that cannot be sent is logged, the notice stays.
 */
@Component
public class Notices {

    public enum Kind {
        /** Their demand request was answered. */
        DEMAND_ANSWERED,
        /** The authority decided their objection. */
        DEMAND_REVIEWED,
        /** The data they asked for was opened. */
        DEMAND_FULFILLED,
        /** Their open application was approved. */
        APPLICATION_APPROVED,
        /** Their open application was refused. */
        APPLICATION_REFUSED,
        /** The authority recorded the result of the competitive selection their application waits for. */
        APPLICATION_SELECTION;

        private boolean aboutApplication() {
            return name().startsWith("APPLICATION_");
        }
    }

    /**
     * A notice as its reader sees it, about either a demand request or an open application.
     *
     * @param demandId the demand request it is about, null for a notice about an application
     * @param applicationId the open application it is about, null for a notice about a demand request
     */
    public record Notice(long id, Kind kind, Long demandId, Long applicationId, String text, OffsetDateTime createdAt,
            boolean read) {
    }

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final MessageSenders senders;

    Notices(JdbcClient jdbc, MessageSource messages, MessageSenders senders) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.senders = senders;
    }

    /** Tells the holder of an account about a demand request (named by its subject). */
    public void tell(long accountId, Kind kind, long demandId, String subject) {
        if (kind.aboutApplication()) {
            throw new IllegalArgumentException(kind + " is about an application");
        }
        tell(accountId, kind, demandId, null, subject);
    }

    /**
     * Tells the holder of an account about their open application (named by the dataset's title), in the
     * transaction of the decision: the notice is there exactly when the decision is.
     */
    public void tellAboutApplication(long accountId, Kind kind, long applicationId, String datasetTitle) {
        if (!kind.aboutApplication()) {
            throw new IllegalArgumentException(kind + " is about a demand request");
        }
        tell(accountId, kind, null, applicationId, datasetTitle);
    }

    private void tell(long accountId, Kind kind, Long demandId, Long applicationId, String subject) {
        record Holder(MessageChannel channel, String login, boolean byMessage) {
        }
        Holder holder = jdbc.sql("select contact_channel, login, notify_by_message from public_account where id = ?")
                .param(accountId)
                .query((rs, n) -> new Holder(MessageChannel.valueOf(rs.getString(1)), rs.getString(2), rs.getBoolean(3)))
                .optional().orElse(null);
        if (holder == null) {
            return; // the account was deleted meanwhile
        }
        jdbc.sql("""
                insert into public_notice (account_id, kind, demand_id, application_id, arguments, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(accountId, kind.name(), demandId, applicationId, subject, now()).update();
        if (holder.byMessage()) {
            senders.of(holder.channel()).ifPresent(sender -> afterCommit(() -> {
                Locale locale = ProblemResponses.DEFAULT_LOCALE; // the holder's language is not known: the default
                try {
                    sender.send(holder.login(), new OutgoingMessage(
                            messages.getMessage(kind.aboutApplication() ? "public.notice.subject.application"
                                    : "public.notice.subject", null, locale),
                            text(kind, subject, demandId == null ? applicationId : demandId, locale)));
                } catch (MessageSender.MessageNotSent e) {
                    log.warn("Notice {} to account {} not sent by {}: {}", kind, accountId, holder.channel(),
                            e.getMessage());
                }
            }));
        }
    }

    /** The account's notices, newest first, in the reader's language. */
    List<Notice> of(long accountId, Locale locale) {
        return jdbc.sql("""
                select id, kind, demand_id, application_id, arguments, created_at, read_at from public_notice
                where account_id = ? order by created_at desc, id desc fetch first 200 rows only""")
                .param(accountId)
                .query((rs, n) -> {
                    Kind kind = Kind.valueOf(rs.getString(2));
                    Long demandId = rs.getObject(3) == null ? null : rs.getLong(3);
                    Long applicationId = rs.getObject(4) == null ? null : rs.getLong(4);
                    return new Notice(rs.getLong(1), kind, demandId, applicationId,
                            text(kind, rs.getString(5), demandId == null ? applicationId : demandId, locale),
                            rs.getObject(6, OffsetDateTime.class), rs.getObject(7) != null);
                })
                .list();
    }

    void markRead(long accountId, long noticeId) {
        int changed = jdbc.sql("update public_notice set read_at = coalesce(read_at, ?) where id = ? and account_id = ?")
                .params(now(), noticeId, accountId).update();
        if (changed == 0) {
            throw DomainException.notFound("notice", noticeId);
        }
    }

    /** The notice's words: the subject (a request's or a dataset's title) and the number of what it is about. */
    private String text(Kind kind, String subject, Long number, Locale locale) {
        return messages.getMessage("public.notice." + kind.name(),
                new Object[] { subject, number == null ? "" : number.toString() }, locale);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
