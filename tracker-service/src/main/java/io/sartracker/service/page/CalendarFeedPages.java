package io.sartracker.service.page;

import io.sartracker.service.notice.calendar.CalendarFeedController;
import io.sartracker.service.notice.calendar.CalendarFeeds;
import io.sartracker.service.notice.calendar.FeedChoices;
import io.sartracker.service.security.Recorder;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own calendar feed: make it (its address shown once, on the answer, never kept in the session),
 * give it a new address, choose what it holds, delete it. Each form calls the API's own handler.
 */
@Controller
public class CalendarFeedPages {
    private final CalendarFeedController api;
    private final CalendarFeeds feeds;

    public CalendarFeedPages(CalendarFeedController api, CalendarFeeds feeds) {
        this.api = api;
        this.feeds = feeds;
    }

    @GetMapping("/app/calendar")
    public String page(Model model) {
        model.addAttribute("noWhen", true);
        CalendarFeeds.Feed feed = feeds.find(Recorder.current().name()).orElse(null);
        model.addAttribute("feed", feed);
        if (!model.containsAttribute("choices")) {
            model.addAttribute("choices", feed != null ? feed.choices() : FeedChoices.DEFAULT);
        }
        model.addAttribute("maxReminderDays", FeedChoices.MAX_REMINDER_DAYS);
        return "app/calendar";
    }

    /** Makes the feed or gives it a new address: the address is on this answer only. */
    @PostMapping("/app/calendar")
    public String issue(@RequestParam(defaultValue = "false") boolean leavingOfficeWindows,
                        @RequestParam(defaultValue = "false") boolean windowFirstDays,
                        @RequestParam(defaultValue = "false") boolean heirWindows,
                        @RequestParam(defaultValue = "false") boolean registrationDeadlines,
                        @RequestParam(defaultValue = "") String reminderDays, Model model,
                        HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            FeedChoices.Request choices = new FeedChoices.Request(leavingOfficeWindows, windowFirstDays, heirWindows,
                    registrationDeadlines, days(reminderDays));
            model.addAttribute("newUrl", api.issue(choices).getBody().url());
        } catch (RuntimeException e) {
            refused(e, model, response);
        }
        return page(model);
    }

    @PostMapping("/app/calendar/choices")
    public String choose(@RequestParam(defaultValue = "false") boolean leavingOfficeWindows,
                         @RequestParam(defaultValue = "false") boolean windowFirstDays,
                         @RequestParam(defaultValue = "false") boolean heirWindows,
                         @RequestParam(defaultValue = "false") boolean registrationDeadlines,
                         @RequestParam(defaultValue = "") String reminderDays, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        try {
            api.choose(new FeedChoices.Request(leavingOfficeWindows, windowFirstDays, heirWindows,
                    registrationDeadlines, days(reminderDays)));
        } catch (RuntimeException e) {
            refused(e, model, response);
            return page(model);
        }
        redirect.addFlashAttribute("calendarDone", "saved");
        return "redirect:/app/calendar";
    }

    @PostMapping("/app/calendar/deletion")
    public String delete(Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            api.delete();
        } catch (RuntimeException e) {
            refused(e, model, response);
            return page(model);
        }
        redirect.addFlashAttribute("calendarDone", "deleted");
        return "redirect:/app/calendar";
    }

    private static void refused(RuntimeException e, Model model, HttpServletResponse response) {
        HolderDirectoryPages.Rejection rejection = HolderDirectoryPages.Rejection.of(e);
        response.setStatus(rejection.status());
        model.addAttribute("calendarRejection", rejection);
    }

    private static Integer days(String typed) {
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reminderDays is a whole number of days, 0 (no reminder) to "
                    + FeedChoices.MAX_REMINDER_DAYS + ", was \"" + typed + "\"");
        }
    }
}
