package cn.govdata.open.account;

/**
 * A way of sending a message to a person: an SMS gateway, e-mail, or (demos and tests) the log. One per channel
 * is in use, chosen by configuration ({@link MessageSenders}).
 */
interface MessageSender {

    MessageChannel channel();

    /**
     * Sends the message, or throws {@link MessageNotSent} when the gateway or the mail server refused it or could
     * not be reached.
     */
    void send(String address, OutgoingMessage message);

    /** The message could not be handed over. */
    class MessageNotSent extends RuntimeException {
        MessageNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
