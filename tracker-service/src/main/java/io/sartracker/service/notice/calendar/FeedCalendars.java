package io.sartracker.service.notice.calendar;

import io.sartracker.kernel.query.FindOpenWindows;
import io.sartracker.query.api.TrackerQueryHandlers.WindowPage;
import io.sartracker.query.register.ViewState;
import io.sartracker.query.register.Views;
import io.sartracker.service.notice.RegistrationDeadlines;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a feed's calendar from the views as of today (Asia/Tokyo, by the service's clock): the windows open
 * today or opening later that the register knows, and the registrations due from today. The windows are the query side's as of today by its own (the same) clock.
 */
@Component
public class FeedCalendars {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int PAGE = 500;

    private final QueryGateway queries;
    private final RegistrationDeadlines registrations;
    private final Clock clock;

    public FeedCalendars(QueryGateway queries, RegistrationDeadlines registrations, Clock clock) {
        this.queries = queries;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** The calendar of the feed, its links to the pages under {@code pages}. */
    public String calendar(CalendarFeeds.Feed feed, URI pages) {
        FeedChoices choices = feed.choices();
        LocalDate today = LocalDate.now(clock.withZone(TOKYO));
        WindowCalendar calendar = new WindowCalendar(pages, clock.instant(), choices.reminderDays());
        for (Views.OpenWindow window : openWindowsToday()) {
            boolean heir = window.state() == ViewState.HEIR_WINDOW_OPEN;
            if (heir ? choices.heirWindows() : choices.leavingOfficeWindows()) {
                calendar.window(window, choices.windowFirstDays());
            }
        }
        if (choices.registrationDeadlines()) {
            registrations.unfiledOn(today).stream().filter(due -> !due.deadline().isBefore(today))
                    .forEach(calendar::registration);
        }
        return calendar.write();
    }

    private List<Views.OpenWindow> openWindowsToday() {
        List<Views.OpenWindow> windows = new ArrayList<>();
        WindowPage page;
        int number = 0;
        do {
            page = queries.query(new FindOpenWindows(null, null, number++, PAGE),
                    ResponseTypes.instanceOf(WindowPage.class)).join();
            windows.addAll(page.items());
        } while ((long) number * PAGE < page.total());
        return windows;
    }
}
