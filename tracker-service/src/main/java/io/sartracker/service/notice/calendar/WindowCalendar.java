package io.sartracker.service.notice.calendar;

import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import io.sartracker.service.notice.RegistrationDeadlines.RegistrationDeadline;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.ParameterList;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/**
 * A feed's calendar (RFC 5545), written by ical4j: one all-day event on each window's last day (and its first
 * day where chosen), on each heir's window's last day and on each registration's deadline, each with a reminder.
 * A window's event keeps its UID (series, holder, first day) for as long as the window is open, so a subscribed
 * calendar updates it instead of adding it twice; a closed window is no longer in the feed and leaves the calendar.
 * Identifiers only: the address may be passed on by mistake, so no name or address of a person is in it.
 */
final class WindowCalendar {
    static final String NAME = "新株予約権の行使期間 SAR exercise windows";
    /** How often a calendar should fetch the feed again; Google and Outlook decide for themselves, most others follow it. */
    static final Duration REFRESH = Duration.ofHours(1);
    private static final String UID_DOMAIN = "@sar-tracker";
    /**
     * ical4j folds by characters; RFC 5545 3.1 counts octets (75). A Japanese character is 3 octets in UTF-8,
     * so a line of 24 characters and the fold's space stay within 75 octets whatever the text.
     */
    private static final int FOLD_CHARACTERS = 24;

    private final URI pages;
    private final Instant stamp;
    private final int reminderDays;
    private final Calendar calendar = new Calendar();

    /**
     * @param pages        the tracker's address, for the links to the holder pages
     * @param stamp        when the feed is written (DTSTAMP), by the service's clock
     * @param reminderDays days before each event its reminder rings; 0 for none
     */
    WindowCalendar(URI pages, Instant stamp, int reminderDays) {
        this.pages = pages;
        this.stamp = stamp;
        this.reminderDays = reminderDays;
        calendar.add(new ProdId("-//sar-tracker//calendar feed//EN"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new XProperty("X-WR-CALNAME", NAME));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Asia/Tokyo"));
        calendar.add(new RefreshInterval(new ParameterList(), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
    }

    /** The window's last day; its first day too when {@code firstDayToo}. */
    void window(Views.OpenWindow window, boolean firstDayToo) {
        boolean heir = window.state() == ViewState.HEIR_WINDOW_OPEN;
        String what = window.seriesId() + " " + window.currentHolderId() + " ("
                + (heir ? "heir of " + window.holderId() + ", " : "") + window.rightsHeld() + " rights)";
        String key = window.seriesId() + "/" + window.currentHolderId() + "/" + window.firstDay();
        String description = "行使期間 Window: " + window.firstDay() + " – " + window.lastDay() + "\n"
                + "保有個数 Rights held: " + window.rightsHeld() + "\n"
                + "交付株式数 Shares deliverable: " + NumberFormat.getIntegerInstance(Locale.ENGLISH)
                .format(window.sharesDeliverable()) + "\n"
                + holderPage(window.currentHolderId());
        event("last-day/" + key, window.lastDay(), (heir ? "相続人の行使期間の最終日 Last day for the heir to exercise: "
                : "行使期間の最終日 Last day to exercise: ") + what, description, holderPage(window.currentHolderId()));
        if (firstDayToo && !heir) {
            event("first-day/" + key, window.firstDay(), "行使期間の初日 First day to exercise: " + what, description,
                    holderPage(window.currentHolderId()));
        }
    }

    void registration(RegistrationDeadline due) {
        event("registration/" + due.issuerId() + "/" + due.key(), due.deadline(),
                "変更登記の期限 Registration due: " + due.issuerId() + " " + due.description(),
                "登記期限 Deadline: " + due.deadline() + "\n" + due.description(), registrationPage(due));
    }

    String write() {
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false, FOLD_CHARACTERS).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private void event(String uid, LocalDate day, String summary, String description, URI link) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid + UID_DOMAIN));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(day));
        event.add(new DtEnd<>(day.plusDays(1)));
        event.add(new Summary(summary));
        event.add(new Description(description));
        // a deadline, not an appointment: the day stays free in the user's calendar
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        if (link != null) {
            event.add(new Url(link));
        }
        if (reminderDays > 0) {
            VAlarm alarm = new VAlarm(Period.ofDays(-reminderDays));
            alarm.add(new Action(Action.VALUE_DISPLAY));
            alarm.add(new Description(summary));
            event.add(alarm);
        }
        calendar.add(event);
    }

    private URI registrationPage(RegistrationDeadline due) {
        return UriComponentsBuilder.fromUri(pages).path("/app/issuers/{issuerId}/registrations")
                .queryParam("key", due.key()).buildAndExpand(due.issuerId()).encode().toUri();
    }

    private URI holderPage(String holderId) {
        return UriComponentsBuilder.fromUri(pages).path("/app/holders/{holderId}").buildAndExpand(holderId).encode()
                .toUri();
    }
}
