package cn.govdata.open.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes messages to the log instead of sending them: in demo mode, so that a demo needs no SMS gateway or mail
 * server, and in tests. Never in production: the log would then hold valid codes.
 */
class LogSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LogSender.class);

    private final MessageChannel channel;

    LogSender(MessageChannel channel) {
        this.channel = channel;
    }

    @Override
    public MessageChannel channel() {
        return channel;
    }

    @Override
    public void send(String address, OutgoingMessage message) {
        log.info("Demo {} message to {}: {}", channel, new Contact(channel, address).masked(), message.text());
    }
}
