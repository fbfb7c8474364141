package io.sartracker.service.notice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A new subscription: what to be told ({@code kind}; {@code daysBefore} for WINDOW_CLOSING, 0 to 60, and
 * REGISTRATION_DUE, 0 to 365) and how ({@code channel}: EMAIL to an address, WEBHOOK to an http or https URL).
 */
public record NoticeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) NoticeKind kind, Integer daysBefore,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NoticeChannel channel,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "an e-mail address (EMAIL) or an http(s) URL (WEBHOOK)") String target) {
    static final int MAX_TARGET = 2048;

    public NoticeRequest {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: WINDOW_OPENS, WINDOW_CLOSING, AWAITING_HEIR or"
                    + " REGISTRATION_DUE");
        }
        if (channel == null) {
            throw new IllegalArgumentException("channel is required: EMAIL or WEBHOOK");
        }
        int maxDays = kind == NoticeKind.REGISTRATION_DUE ? 365 : 60;
        if (kind.daysAhead() && (daysBefore == null || daysBefore < 0 || daysBefore > maxDays)) {
            throw new IllegalArgumentException(kind + " needs daysBefore, 0 to " + maxDays
                    + ": how many days before the last day to be told");
        }
        if (!kind.daysAhead() && daysBefore != null) {
            throw new IllegalArgumentException(kind + " takes no daysBefore; leave it out");
        }
        target = target == null ? "" : target.strip();
        if (target.isEmpty() || target.length() > MAX_TARGET) {
            throw new IllegalArgumentException("target is required, at most " + MAX_TARGET + " characters: "
                    + (channel == NoticeChannel.EMAIL ? "an e-mail address" : "an http or https URL"));
        }
        if (channel == NoticeChannel.EMAIL) {
            checkAddress(target);
        } else {
            checkUrl(target);
        }
    }

    private static void checkAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                throw new AddressException("a bare address is expected");
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("target is not an e-mail address (name@example.co.jp): " + address);
        }
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("target of a WEBHOOK is an http or https URL with a host and no"
                        + " user name in it, such as https://hooks.example.co.jp/sar");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("target is not a URL: " + e.getReason());
        }
    }
}
