package cn.govdata.open.account;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends e-mail through the configured SMTP server ({@code spring.mail.*}), as plain text in UTF-8. */
class EmailSender implements MessageSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.EMAIL;
    }

    @Override
    public void send(String address, OutgoingMessage message) {
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(address);
        email.setSubject(message.subject());
        email.setText(message.text());
        try {
            mail.send(email);
        } catch (MailException e) {
            throw new MessageNotSent("mail server refused or not reached: " + e.getMessage(), e);
        }
    }
}
