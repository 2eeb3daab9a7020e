package cn.govdata.open.account;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sender in use for each channel, as configured: the SMS gateway's webhook when its address is set, e-mail
 * when a mail server ({@code spring.mail.host}) and a sender address are; in demo mode (or with {@code log}) the
 * log for both. A channel with no sender is not offered: a code cannot be asked for through it.
 */
@Component
class MessageSenders {

    private static final Logger log = LoggerFactory.getLogger(MessageSenders.class);

    private final Map<MessageChannel, MessageSender> senders = new EnumMap<>(MessageChannel.class);

    MessageSenders(PublicAccountSettings settings, ObjectProvider<JavaMailSender> mail, JsonMapper json,
            @Value("${govdata.demo:false}") boolean demo) {
        PublicAccountSettings.Messages messages = settings.messages();
        if (demo || messages.log()) {
            for (MessageChannel channel : MessageChannel.values()) {
                senders.put(channel, new LogSender(channel));
            }
            log.warn("Verification codes and notices of public accounts are written to the log, not sent (demo)");
            return;
        }
        if (messages.smsWebhookUrl() != null) {
            senders.put(MessageChannel.SMS, new SmsWebhookSender(messages.smsWebhookUrl(), messages.smsWebhookToken(),
                    messages.smsTimeout(), json));
        }
        JavaMailSender mailSender = mail.getIfAvailable();
        if (mailSender != null && messages.mailFrom() != null && !messages.mailFrom().isBlank()) {
            senders.put(MessageChannel.EMAIL, new EmailSender(mailSender, messages.mailFrom()));
        }
    }

    Optional<MessageSender> of(MessageChannel channel) {
        return Optional.ofNullable(senders.get(channel));
    }

    /** The sender of the channel, or a refusal naming the channel as not offered here. */
    MessageSender require(MessageChannel channel) {
        return of(channel).orElseThrow(() -> new DomainException(ProblemCode.MESSAGE_CHANNEL_UNAVAILABLE,
                Labels.channel(channel)));
    }
}
