package io.sartracker.service.notice;

import java.time.LocalDate;

/**
 * What one notice says: identifiers, dates, what to do and a link to the page. Never a name or an address.
 * The same content goes into the e-mail and the webhook's JSON body; {@code noticeId} is stable across
 * resends, so that a receiver can drop a duplicate.
 */
public record Notice(String noticeId, NoticeKind kind, LocalDate plannedOn, String seriesId, String holderId,
                     String currentHolderId, LocalDate firstDay, LocalDate lastDay, Long daysLeft,
                     LocalDate dateOfDeath, LocalDate lapseDate, String issuerId, String registrationKey,
                     String registrationDescription, LocalDate deadline, String action, String link) {

    Notice withId(String id) {
        return new Notice(id, kind, plannedOn, seriesId, holderId, currentHolderId, firstDay, lastDay, daysLeft,
                dateOfDeath, lapseDate, issuerId, registrationKey, registrationDescription, deadline, action, link);
    }
}
