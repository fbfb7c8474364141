package io.sartracker.service.notice;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Objects;

/**
 * The words of a notice, in Japanese and English, from the pages' message bundles ({@code notice.*}): a
 * subject, and a sentence saying what happened and what to do. Only identifiers and dates go into them.
 */
@Component
class NoticeText {
    static final Locale JAPANESE = Locale.JAPANESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    String subject(Notice notice) {
        return "[SAR tracker] " + say("notice.subject." + notice.kind(), notice, JAPANESE) + " / "
                + say("notice.subject." + notice.kind(), notice, ENGLISH);
    }

    /** What happened and what to do, in one language. */
    String sentence(Notice notice, Locale locale) {
        return say("notice.body." + notice.kind(), notice, locale);
    }

    /** The e-mail's text: Japanese, then English, then the link and the notice's identifier. */
    String body(Notice notice) {
        return sentence(notice, JAPANESE) + "\n" + notice.link() + "\n\n" + sentence(notice, ENGLISH) + "\n"
                + notice.link() + "\n\n" + messages.getMessage("notice.footer", new Object[]{notice.noticeId()}, JAPANESE)
                + "\n" + messages.getMessage("notice.footer", new Object[]{notice.noticeId()}, ENGLISH) + "\n";
    }

    /** The arguments every notice sentence may use, in this order. */
    private String say(String key, Notice notice, Locale locale) {
        Object[] arguments = {text(notice.seriesId()), text(notice.holderId()), text(notice.currentHolderId()),
                text(notice.firstDay()), text(notice.lastDay()), text(notice.daysLeft()), text(notice.dateOfDeath()),
                text(notice.lapseDate()), text(notice.issuerId()), text(notice.registrationKey()),
                text(notice.registrationDescription()), text(notice.deadline())};
        return messages.getMessage(key, arguments, locale);
    }

    private static String text(Object value) {
        return Objects.toString(value, "-");
    }
}
