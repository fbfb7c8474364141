package io.sartracker.service.page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates, numbers and yen as the reader's language writes them; the templates call it as {@code @fmt}. */
@Component("fmt")
public class PageFormat {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Locale locale() {
        return PageConfig.supported(LocaleContextHolder.getLocale());
    }

    private static boolean japanese() {
        return locale().getLanguage().equals("ja");
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return japanese() ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.JAPAN).format(date)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK).format(date);
    }

    public String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(japanese() ? "yyyy年M月d日 HH:mm:ss" : "d MMM yyyy HH:mm:ss", locale())
                .format(instant.atZone(TOKYO)) + (japanese() ? "" : " JST");
    }

    public String num(long number) {
        return NumberFormat.getIntegerInstance(locale()).format(number);
    }

    public String yen(long amount) {
        String figure = NumberFormat.getIntegerInstance(locale()).format(amount);
        return japanese() ? figure + "円" : "¥" + figure;
    }

    /** Days from {@code from} to {@code to} (negative once passed). */
    public long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
