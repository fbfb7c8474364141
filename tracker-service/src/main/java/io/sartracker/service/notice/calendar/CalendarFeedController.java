package io.sartracker.service.notice.calendar;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.security.Recorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Instant;

/**
 * A user's calendar feed over HTTP: made, read, chosen and deleted by its owner, signed in; fetched by a
 * calendar application, which cannot sign in, with the secret in its address.
 */
@RestController
@Tag(name = ApiContract.CALENDAR_FEED)
public class CalendarFeedController {
    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final CalendarFeeds feeds;
    private final FeedCalendars calendars;
    private final String publicUrl;

    public CalendarFeedController(CalendarFeeds feeds, FeedCalendars calendars,
                                  @Value("${tracker.calendar-feed.public-url:}") String publicUrl) {
        this.feeds = feeds;
        this.calendars = calendars;
        this.publicUrl = publicUrl;
    }

    /** A feed as its owner sees it: what it holds and when its address was made; never the address. */
    public record FeedView(FeedChoices includes, Instant createdAt, String createdBy, Instant changedAt) {
        static FeedView of(CalendarFeeds.Feed feed) {
            return new FeedView(feed.choices(), feed.createdAt(), feed.createdBy(), feed.changedAt());
        }
    }

    /** A feed just made: its address, answered this once (only its hash is kept). */
    public record IssuedFeed(String url, FeedChoices includes, Instant createdAt, String createdBy) {
    }

    @Operation(operationId = "issueCalendarFeed", summary = "Make one's calendar feed, or give it a new address",
            description = "Answers the feed's secret address (iCalendar, for Outlook's or Google Calendar's \"add"
                    + " calendar from URL\") this once: only its hash is kept. A feed made again gets a new address"
                    + " and the old one stops answering. The body's choices are optional; a choice left out keeps"
                    + " its value (by default: windows after leaving office, heirs' windows and registrations due,"
                    + " a reminder 3 days before).")
    @ApiResponse(responseCode = "201", description = "The feed and its address",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedFeed.class)))
    @PostMapping("/me/calendar-feed")
    public ResponseEntity<IssuedFeed> issue(@RequestBody(required = false) FeedChoices.Request choices) {
        Recorder me = Recorder.current();
        CalendarFeeds.NewFeed made = feeds.issue(me.name(), choices == null ? empty() : choices, me.name());
        return ResponseEntity.created(URI.create("/me/calendar-feed")).cacheControl(CacheControl.noStore())
                .body(new IssuedFeed(feedUrl(made.secret()), made.feed().choices(), made.feed().createdAt(),
                        made.feed().createdBy()));
    }

    @Operation(operationId = "calendarFeed", summary = "What one's calendar feed holds",
            description = "Not its address, which was answered once when made.")
    @Refusals(RuleCode.NO_CALENDAR_FEED)
    @GetMapping("/me/calendar-feed")
    public FeedView feed() {
        return FeedView.of(feeds.feed(Recorder.current().name()));
    }

    @Operation(operationId = "chooseCalendarFeed", summary = "Choose what one's calendar feed holds",
            description = "leavingOfficeWindows, windowFirstDays, heirWindows, registrationDeadlines (true or false),"
                    + " reminderDays (0 for none, to 30); a choice left out keeps its value. The address stays.")
    @Refusals(RuleCode.NO_CALENDAR_FEED)
    @PutMapping("/me/calendar-feed")
    public FeedView choose(@RequestBody FeedChoices.Request choices) {
        return FeedView.of(feeds.choose(Recorder.current().name(), choices));
    }

    @Operation(operationId = "deleteCalendarFeed", summary = "Delete one's calendar feed",
            description = "Its address stops answering at once.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Refusals(RuleCode.NO_CALENDAR_FEED)
    @DeleteMapping("/me/calendar-feed")
    public ResponseEntity<Void> delete() {
        feeds.delete(Recorder.current().name());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "calendarFeedFile", summary = "A calendar feed (iCalendar)",
            description = "For calendar applications, which cannot sign in: the secret in the address is the"
                    + " credential. One all-day event on the last day of each open window (and its first day if"
                    + " chosen), each heir's window and each registration due, with a reminder; identifiers only,"
                    + " no names. An address never made, deleted or replaced answers 404 and says nothing more.")
    @ApiResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @Refusals(RuleCode.NO_CALENDAR_FEED)
    @GetMapping("/calendar/{token}.ics")
    public ResponseEntity<String> calendar(@PathVariable String token) {
        CalendarFeeds.Feed feed = feeds.bySecret(token);
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                // the address is the credential: no shared cache keeps a copy
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(calendars.calendar(feed, pagesUrl()));
    }

    /** The tracker's address as its users reach it: the setting, or the address this request came to. */
    URI pagesUrl() {
        return URI.create(publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl.replaceAll("/+$", ""));
    }

    String feedUrl(String secret) {
        return pagesUrl() + "/calendar/" + secret + ".ics";
    }

    private static FeedChoices.Request empty() {
        return new FeedChoices.Request(null, null, null, null, null);
    }
}
