package io.sartracker.service.filing;

import io.sartracker.service.notice.RegistrationDeadlines;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The registrations of change not marked filed, as the notices and the calendar feed tell of them: each with a
 * description in Japanese and English (the kind's labels of the pages) naming its period or day.
 */
@Component
class UnfiledRegistrationDeadlines implements RegistrationDeadlines {
    private final Registrations registrations;
    private final MessageSource messages;

    UnfiledRegistrationDeadlines(Registrations registrations, MessageSource messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    @Override
    public List<RegistrationDeadline> unfiledOn(LocalDate day) {
        return registrations.unfiled(day).stream().map(due -> new RegistrationDeadline(due.issuerId(), due.key(),
                "変更登記 " + label(due, Locale.JAPANESE) + " / Registration of change: " + label(due, Locale.ENGLISH)
                        + " (" + due.changeDate() + ")", due.deadline())).toList();
    }

    private String label(DueRegistration due, Locale locale) {
        return messages.getMessage("registration.kind." + due.kind().name(), null, locale);
    }
}
