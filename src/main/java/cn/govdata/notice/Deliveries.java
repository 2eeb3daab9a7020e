package cn.govdata.notice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers notices beyond the inbox, by e-mail and by webhook, from a table of deliveries: a failed attempt is
 * retried later with a growing pause, up to a number of attempts. Any node may send; claiming a delivery (moving its
 * next attempt on, in one conditional update) decides which one, so a notice is not sent twice at once.
 */
@Component
class Deliveries {

    enum Channel { EMAIL, WEBHOOK }

    private record Due(long id, Channel channel, String target, String subject, String payload, int attempts) {
    }

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final HttpClient http;

    Deliveries(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
            @Value("${govdata.notice.mail-from:${spring.mail.username:govdata@localhost}}") String mailFrom,
            @Value("${govdata.notice.max-attempts:8}") int maxAttempts,
            @Value("${govdata.notice.initial-backoff:PT30S}") Duration initialBackoff,
            @Value("${govdata.notice.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${govdata.notice.timeout:PT5S}") Duration timeout) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.mailFrom = mailFrom;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whether e-mail can be sent at all (an SMTP server is configured). */
    boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** Records a delivery to make, once per notice, channel and target. */
    void enqueue(String noticeKey, Channel channel, String target, String subject, String payload) {
        OffsetDateTime now = Inbox.now();
        jdbc.sql("""
                insert into notice_delivery (notice_key, channel, target, subject, payload, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(Inbox.truncate(noticeKey, 200), channel.name(), target, Inbox.truncate(subject, 300),
                        Inbox.truncate(payload, 4000), now, now)
                .update();
    }

    /** Sends what is due now, e.g. right after notices were stored, and on a schedule for the retries. */
    @Scheduled(initialDelayString = "${govdata.notice.sweep-interval:PT30S}",
            fixedDelayString = "${govdata.notice.sweep-interval:PT30S}")
    void sendDue() {
        List<Due> due = jdbc.sql("""
                select id, channel, target, subject, payload, attempts from notice_delivery
                where delivered_at is null and next_attempt_at <= ? order by id fetch first 50 rows only""")
                .param(Inbox.now())
                .query((rs, row) -> new Due(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list();
        for (Due delivery : due) {
            if (claim(delivery)) {
                attempt(delivery);
            }
        }
    }

    /** Moves the next attempt past the time a send may take; only the node whose update changed the row sends. */
    private boolean claim(Due delivery) {
        OffsetDateTime now = Inbox.now();
        return jdbc.sql("""
                update notice_delivery set attempts = attempts + 1, next_attempt_at = ?
                where id = ? and attempts = ? and delivered_at is null and next_attempt_at <= ?""")
                .params(now.plus(timeout.multipliedBy(3)), delivery.id(), delivery.attempts(), now).update() == 1;
    }

    private void attempt(Due delivery) {
        int attempt = delivery.attempts() + 1;
        try {
            switch (delivery.channel()) {
                case EMAIL -> email(delivery);
                case WEBHOOK -> post(delivery);
            }
            jdbc.sql("update notice_delivery set delivered_at = ?, next_attempt_at = null, last_error = null where id = ?")
                    .params(Inbox.now(), delivery.id()).update();
        } catch (RuntimeException e) {
            boolean giveUp = attempt >= maxAttempts;
            log.warn("notice delivery {} by {} failed (attempt {}{}): {}", delivery.id(), delivery.channel(), attempt,
                    giveUp ? ", given up" : "", e.getMessage());
            jdbc.sql("update notice_delivery set next_attempt_at = ?, last_error = ? where id = ?")
                    .params(giveUp ? null : Inbox.now().plus(backoff(attempt)),
                            Inbox.truncate(String.valueOf(e.getMessage()), 500), delivery.id())
                    .update();
        }
    }

    private Duration backoff(int attempt) {
        Duration pause = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }

    private void email(Due delivery) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server is configured");
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(mailFrom);
        email.setTo(delivery.target());
        email.setSubject(delivery.subject());
        email.setText(delivery.payload());
        try {
            sender.send(email);
        } catch (MailException e) {
            throw new IllegalStateException("mail server refused or not reached: " + e.getMessage(), e);
        }
    }

    private void post(Due delivery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.target())).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new IllegalStateException("webhook answered HTTP " + status);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook not reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
