package cn.govdata.notice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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

import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers notices beyond the inbox, by e-mail, by text message through the SMS gateway and by a department's
 * webhook, from a table of deliveries: a failed attempt is
 * retried later with a growing pause, up to a number of attempts. Any node may send; claiming a delivery (moving its
 * next attempt on, in one conditional update) decides which one, so a notice is not sent twice at once.
 */
@Component
class Deliveries {

    /** EMAIL and SMS go to a user (an address, a mobile number), WEBHOOK to a department's system (its address). */
    enum Channel { EMAIL, SMS, WEBHOOK }

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
    private final URI smsGateway;
    private final String smsToken;
    private final JsonMapper json;

    Deliveries(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, JsonMapper json,
            @Value("${govdata.notice.mail-from:${spring.mail.username:govdata@localhost}}") String mailFrom,
            @Value("${govdata.notice.sms-webhook-url:}") String smsWebhookUrl,
            @Value("${govdata.notice.sms-webhook-token:}") String smsWebhookToken,
            @Value("${govdata.notice.max-attempts:8}") int maxAttempts,
            @Value("${govdata.notice.initial-backoff:PT30S}") Duration initialBackoff,
            @Value("${govdata.notice.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${govdata.notice.timeout:PT5S}") Duration timeout) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.json = json;
        this.smsGateway = smsWebhookUrl.isBlank() ? null : URI.create(smsWebhookUrl.strip());
        this.smsToken = smsWebhookToken.isBlank() ? null : smsWebhookToken.strip();
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

    /** Whether text messages can be sent at all (an SMS gateway is configured for officials' notices). */
    boolean smsConfigured() {
        return smsGateway != null;
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
                case SMS -> textMessage(delivery);
                case WEBHOOK -> post(URI.create(delivery.target()), delivery.payload(), null, "webhook");
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

    /**
     * One POST of {@code {"to": "<mobile>", "text": "…"}} to the gateway, the shape the public accounts' SMS
     * gateway takes too ({@code open.account.SmsWebhookSender}); the error kept names no number.
     */
    private void textMessage(Due delivery) {
        if (smsGateway == null) {
            throw new IllegalStateException("no SMS gateway is configured");
        }
        String body = json.writeValueAsString(Map.of("to", delivery.target(), "text", delivery.payload()));
        post(smsGateway, body, smsToken, "SMS gateway");
    }

    private void post(URI target, String body, String bearerToken, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new IllegalStateException(what + " answered HTTP " + status);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(what + " not reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
