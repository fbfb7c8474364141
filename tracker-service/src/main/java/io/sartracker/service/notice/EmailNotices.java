package io.sartracker.service.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends a notice as a plain-text e-mail in Japanese and English through the company's SMTP server
 * ({@code spring.mail.*}). Its Message-ID carries the notice's identifier, so a resend is recognisable.
 * Without {@code spring.mail.host} there is no mail sender and every e-mail attempt fails, saying so.
 */
@Component
class EmailNotices {
    private final ObjectProvider<JavaMailSender> mail;
    private final NoticeSettings settings;
    private final NoticeText text;

    EmailNotices(ObjectProvider<JavaMailSender> mail, NoticeSettings settings, NoticeText text) {
        this.mail = mail;
        this.settings = settings;
        this.text = text;
    }

    Delivery send(Notice notice, String address) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Delivery.failed(null, "no SMTP server is configured (spring.mail.host)");
        }
        try {
            MimeMessage message = new NoticeMessage(sender.createMimeMessage().getSession(), messageId(notice));
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.fromAddress());
            helper.setTo(address);
            helper.setSubject(text.subject(notice));
            helper.setText(text.body(notice), false);
            sender.send(message);
            return Delivery.delivered(null);
        } catch (MessagingException | MailException e) {
            return Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code <noticeId@sar-tracker>}: the same for every resend of one notice. */
    static String messageId(Notice notice) {
        return "<" + notice.noticeId() + "@sar-tracker>";
    }

    /** A message that keeps the Message-ID it is given instead of the one Jakarta Mail makes at each save. */
    private static final class NoticeMessage extends MimeMessage {
        private final String messageId;

        NoticeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
