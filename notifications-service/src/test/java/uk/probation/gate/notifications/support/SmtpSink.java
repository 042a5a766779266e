package uk.probation.gate.notifications.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a fixed local port that records what it receives; it can be stopped and started
 * again on the same port to play an outage. What it received before a stop is kept.
 */
public final class SmtpSink {

    public record Mail(String to, String subject, String body) {
    }

    private final int port;
    private final List<Mail> kept = new ArrayList<>();
    private GreenMail server;

    public SmtpSink() {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            kept.addAll(read(server));
            server.stop();
            server = null;
        }
    }

    /** Everything received so far for this address. */
    public synchronized List<Mail> to(String address) {
        List<Mail> all = new ArrayList<>(kept);
        if (server != null) {
            all.addAll(read(server));
        }
        return all.stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static List<Mail> read(GreenMail server) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String body = message.getContent().toString();
                String subject = message.getSubject();
                for (Address recipient : message.getAllRecipients()) {
                    mails.add(new Mail(recipient.toString(), subject, body));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }
}
