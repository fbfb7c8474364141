package io.sartracker.service.notice;

import io.sartracker.kernel.query.FindAwaitingHeir;
import io.sartracker.kernel.query.FindOpenWindows;
import io.sartracker.query.api.TrackerQueryHandlers.AwaitingHeirPage;
import io.sartracker.query.api.TrackerQueryHandlers.WindowPage;
import io.sartracker.query.register.Views;
import io.sartracker.service.cluster.TrackerNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the notices due today (the business date of the injected clock) for every subscription and plans each
 * once in the outbox: the facts come from the views (open windows, holdings awaiting an heir) and from the
 * registrations of change not filed yet. An occurrence names what the notice is about
 * ({@code WINDOW_CLOSING:series:holder:last day}), so the same window told of once is never planned again,
 * by this node, another node or after a restart; a window reopened with another last day is a new occurrence.
 */
@Component
public class NoticePlanner {
    private static final Logger log = LoggerFactory.getLogger(NoticePlanner.class);
    private static final int PAGE = 500;

    private final QueryGateway queries;
    private final NoticeSubscriptions subscriptions;
    private final NoticeOutbox outbox;
    private final RegistrationDeadlines registrations;
    private final NoticeText text;
    private final NoticeSettings settings;
    private final TrackerNode node;
    private final Clock clock;

    NoticePlanner(QueryGateway queries, NoticeSubscriptions subscriptions, NoticeOutbox outbox,
                  RegistrationDeadlines registrations, NoticeText text, NoticeSettings settings,
                  TrackerNode node, Clock clock) {
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.registrations = registrations;
        this.text = text;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    /** A notice due for a subscription, with the occurrence that makes it once only. */
    record Due(String occurrenceKey, Notice notice) {
    }

    /** Plans what is due today; answers how many notices this call planned (none already planned counts). */
    public int plan() {
        if (!node.takesCommands()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<NoticeSubscriptions.Subscription> active = subscriptions.active();
        Facts facts = new Facts(today);
        int planned = 0;
        for (NoticeSubscriptions.Subscription subscription : active) {
            for (Due due : dueFor(subscription, facts, today)) {
                Notice notice = due.notice();
                Notice withAction = new Notice(null, notice.kind(), today, notice.seriesId(), notice.holderId(),
                        notice.currentHolderId(), notice.firstDay(), notice.lastDay(), notice.daysLeft(),
                        notice.dateOfDeath(), notice.lapseDate(), notice.issuerId(), notice.registrationKey(),
                        notice.registrationDescription(), notice.deadline(),
                        text.sentence(notice, NoticeText.ENGLISH), notice.link());
                if (outbox.planOnce(subscription.subscriptionId(), due.occurrenceKey(), withAction, now)) {
                    planned++;
                }
            }
        }
        if (planned > 0) {
            log.info("Notices planned on {} by node {}: {}", today, node.id(), planned);
        }
        return planned;
    }

    private List<Due> dueFor(NoticeSubscriptions.Subscription subscription, Facts facts, LocalDate today) {
        List<Due> due = new ArrayList<>();
        switch (subscription.kind()) {
            case WINDOW_OPENS -> facts.windows().stream().filter(w -> !w.firstDay().isAfter(today))
                    .forEach(w -> due.add(window(NoticeKind.WINDOW_OPENS, w, today)));
            case WINDOW_CLOSING -> facts.windows().stream().filter(w -> !w.firstDay().isAfter(today)
                            && ChronoUnit.DAYS.between(today, w.lastDay()) <= subscription.daysBefore())
                    .forEach(w -> due.add(window(NoticeKind.WINDOW_CLOSING, w, today)));
            case AWAITING_HEIR -> facts.awaitingHeir().forEach(h -> due.add(new Due(String.join(":",
                    NoticeKind.AWAITING_HEIR.name(), h.seriesId(), h.holderId(), h.dateOfDeath().toString()),
                    new Notice(null, NoticeKind.AWAITING_HEIR, today, h.seriesId(), h.holderId(), h.holderId(), null,
                            null, null, h.dateOfDeath(), h.lapseDate(), null, null, null, null, null,
                            settings.baseUrl() + "/app/holders/" + h.holderId()))));
            case REGISTRATION_DUE -> facts.registrations().stream().filter(r -> !r.deadline().isBefore(today)
                            && ChronoUnit.DAYS.between(today, r.deadline()) <= subscription.daysBefore())
                    .forEach(r -> due.add(new Due(String.join(":", NoticeKind.REGISTRATION_DUE.name(), r.issuerId(),
                            r.key(), r.deadline().toString()), new Notice(null, NoticeKind.REGISTRATION_DUE, today,
                            null, null, null, null, null, ChronoUnit.DAYS.between(today, r.deadline()), null, null,
                            r.issuerId(), r.key(), r.description(), r.deadline(), null,
                            settings.baseUrl() + "/app/issuers/" + r.issuerId() + "/registrations?key=" + r.key()))));
        }
        return due;
    }

    /**
     * Whether what a planned notice tells of is still so today: the window still open with that last day, the
     * holding still awaiting its heir, the registration still not filed. A notice retried after an exercise
     * closed its window, or after the registration was filed, would only mislead; the facts are read once per
     * predicate, when first needed.
     */
    public Predicate<Notice> stillSoToday() {
        Facts facts = new Facts(LocalDate.now(clock));
        return notice -> switch (notice.kind()) {
            case WINDOW_OPENS, WINDOW_CLOSING -> facts.windows().stream().anyMatch(w ->
                    w.seriesId().equals(notice.seriesId()) && holderOf(w).equals(notice.currentHolderId())
                            && w.lastDay().equals(notice.lastDay()));
            case AWAITING_HEIR -> facts.awaitingHeir().stream().anyMatch(h ->
                    h.seriesId().equals(notice.seriesId()) && h.holderId().equals(notice.holderId()));
            case REGISTRATION_DUE -> facts.registrations().stream().anyMatch(r ->
                    r.issuerId().equals(notice.issuerId()) && r.key().equals(notice.registrationKey()));
        };
    }

    private static String holderOf(Views.OpenWindow w) {
        return w.currentHolderId() == null ? w.holderId() : w.currentHolderId();
    }

    private Due window(NoticeKind kind, Views.OpenWindow w, LocalDate today) {
        String holder = holderOf(w);
        return new Due(String.join(":", kind.name(), w.seriesId(), holder, w.lastDay().toString()),
                new Notice(null, kind, today, w.seriesId(), w.holderId(), holder, w.firstDay(), w.lastDay(),
                        ChronoUnit.DAYS.between(today, w.lastDay()), null, w.lastDay().plusDays(1), null, null, null,
                        null, null, settings.baseUrl() + "/app/holders/" + holder));
    }

    /** The facts of today, each read once per planning and only if a subscription needs it. */
    private final class Facts {
        private final LocalDate today;
        private List<Views.OpenWindow> windows;
        private List<Views.AwaitingHeir> awaitingHeir;
        private List<RegistrationDeadlines.RegistrationDeadline> registrations;

        Facts(LocalDate today) {
            this.today = today;
        }

        List<Views.OpenWindow> windows() {
            if (windows == null) {
                windows = all(page -> queries.query(new FindOpenWindows(today, null, page, PAGE),
                        ResponseTypes.instanceOf(WindowPage.class)).join(), WindowPage::items, WindowPage::total);
            }
            return windows;
        }

        List<Views.AwaitingHeir> awaitingHeir() {
            if (awaitingHeir == null) {
                awaitingHeir = all(page -> queries.query(new FindAwaitingHeir(today, page, PAGE),
                                ResponseTypes.instanceOf(AwaitingHeirPage.class)).join(), AwaitingHeirPage::items,
                        AwaitingHeirPage::total);
            }
            return awaitingHeir;
        }

        List<RegistrationDeadlines.RegistrationDeadline> registrations() {
            if (registrations == null) {
                registrations = NoticePlanner.this.registrations.unfiledOn(today);
            }
            return registrations;
        }
    }

    private static <P, T> List<T> all(Function<Integer, P> pageOf, Function<P, List<T>> items, Function<P, Long> total) {
        List<T> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            P answer = pageOf.apply(page);
            all.addAll(items.apply(answer));
            if (items.apply(answer).isEmpty() || all.size() >= total.apply(answer)) {
                return all;
            }
        }
    }
}
