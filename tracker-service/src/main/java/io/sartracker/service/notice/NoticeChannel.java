package io.sartracker.service.notice;

/** How a notice is sent: an e-mail through the company's SMTP server, or a signed webhook. */
public enum NoticeChannel {
    EMAIL,
    WEBHOOK
}
