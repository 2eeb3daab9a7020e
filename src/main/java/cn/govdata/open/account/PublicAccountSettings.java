package cn.govdata.open.account;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of public accounts ({@code govdata.open.account.*}); passwords, lockout and sessions follow the
 * officials' settings ({@code govdata.security.*}).
 *
 * @param codeLifetime how long a verification code may be used
 * @param codeAttempts wrong tries a code allows before a new one must be asked for
 * @param codeResendInterval how long after a code another may be sent to the same contact
 * @param codesPerContactPerDay codes one contact may be sent in 24 hours
 * @param codesPerAddressPerHour codes one client address may have sent in an hour (to any contacts)
 * @param failuresBeforeChallenge failed logins and wrong codes from one address, within the failure window,
 *        after which a challenge must be answered first
 * @param failureWindow how long failures from an address are remembered
 * @param challengeLifetime how long a challenge may be answered
 * @param messages how codes and notices are sent
 */
@ConfigurationProperties("govdata.open.account")
public record PublicAccountSettings(@DefaultValue("PT10M") Duration codeLifetime, @DefaultValue("5") int codeAttempts,
        @DefaultValue("PT60S") Duration codeResendInterval, @DefaultValue("5") int codesPerContactPerDay,
        @DefaultValue("10") int codesPerAddressPerHour, @DefaultValue("3") int failuresBeforeChallenge,
        @DefaultValue("PT1H") Duration failureWindow, @DefaultValue("PT5M") Duration challengeLifetime,
        @DefaultValue Messages messages) {

    /**
     * @param smsWebhookUrl the SMS gateway's webhook: each message is POSTed there as JSON {@code {to, text}}; no
     *        SMS without it
     * @param smsWebhookToken sent as {@code Authorization: Bearer …} to the webhook, if set
     * @param smsTimeout how long the webhook may take
     * @param mailFrom the sender address of e-mails; no e-mail without it (and without {@code spring.mail.host})
     * @param log write codes and notices to the log instead of sending them: for demos and tests only (demo mode
     *        always does)
     */
    public record Messages(URI smsWebhookUrl, String smsWebhookToken, @DefaultValue("PT10S") Duration smsTimeout,
            String mailFrom, @DefaultValue("false") boolean log) {
    }
}
