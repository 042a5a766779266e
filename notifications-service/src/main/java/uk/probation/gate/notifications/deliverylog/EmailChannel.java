package uk.probation.gate.notifications.deliverylog;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.probation.gate.notifications.NotificationsProperties;

/** E-mail over SMTP (spring.mail.*); a failure surfaces as a MailException for the worker to retry. */
@Component
class EmailChannel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, NotificationsProperties properties) {
        this.mail = mail;
        this.from = properties.email().from();
    }

    void send(String address, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(subject);
        message.setText(body);
        mail.send(message);
    }
}
