package io.sartracker.service.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When notices are planned and sent: at start-up (nothing due while the service was down is missed) and then
 * every {@code tracker.notices.plan-interval} and {@code dispatch-interval}, on nodes with the command role.
 */
@Configuration
@EnableConfigurationProperties(NoticeSettings.class)
class NoticeSchedule {
    private static final Logger log = LoggerFactory.getLogger(NoticeSchedule.class);

    private final NoticePlanner planner;
    private final NoticeDispatcher dispatcher;

    NoticeSchedule(NoticePlanner planner, NoticeDispatcher dispatcher) {
        this.planner = planner;
        this.dispatcher = dispatcher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        plan();
        dispatch();
    }

    @Scheduled(fixedDelayString = "${tracker.notices.plan-interval}", initialDelayString = "${tracker.notices.plan-interval}")
    void plan() {
        try {
            planner.plan();
        } catch (RuntimeException e) {
            // the views or the database were not there this time; planning is repeated and plans nothing twice
            log.warn("Planning notices failed; it runs again in the next interval", e);
        }
    }

    @Scheduled(fixedDelayString = "${tracker.notices.dispatch-interval}",
            initialDelayString = "${tracker.notices.dispatch-interval}")
    void dispatch() {
        try {
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            log.warn("Sending notices failed; what was not sent is sent in the next interval", e);
        }
    }
}
