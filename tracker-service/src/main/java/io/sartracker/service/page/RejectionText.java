package io.sartracker.service.page;

import io.sartracker.kernel.model.AcquisitionCause;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HoldingStatus;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.ReversibleFact;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.service.security.TrackerRole;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A refusal as the reader's language says it. The rule code and its figures are the command side's
 * (or {@code UserAccounts}'); the English sentence is the one the API answers, kept word for word.
 * In Japanese the sentence is {@code rejection.CODE} of {@code messages_ja.properties}, its {@code {figure}}
 * places filled with the refusal's own figures; where one code answers several situations with other
 * figures, each has its own sentence (see {@link #template}).
 * Figure names are labelled by {@code figure.NAME} and their values written as the language writes them.
 */
@Component("rejections")
public class RejectionText {
    private static final Pattern PLACE = Pattern.compile("\\{(\\w+)}");
    /** The message prefixes of the choices a figure's value may be. */
    private static final Map<Class<?>, String> CHOICES = Map.of(
            Role.class, "role.", DepartureReason.class, "reason.", HoldingStatus.class, "holdingStatus.",
            RestructuringKind.class, "restructuringKind.", AcquisitionCause.class, "acquisitionCause.",
            ReversibleFact.class, "reversibleFact.", TrackerRole.class, "userRole.");

    private final MessageSource messages;

    public RejectionText(MessageSource messages) {
        this.messages = messages;
    }

    /** One figure of a refusal: its name (as the API answers it), its label and its value as written. */
    public record Figure(String name, String label, String value) {
    }

    /** The sentence and figures a page shows. */
    public record Text(String sentence, List<Figure> figures) {
    }

    public Text of(String code, String englishSentence, Map<String, Object> figures, Locale locale) {
        boolean japanese = "ja".equals(locale.getLanguage());
        String sentence = japanese ? japaneseSentence(code, englishSentence, figures, locale) : englishSentence;
        List<Figure> shown = new ArrayList<>();
        figures.forEach((name, value) -> {
            if (value != null) {
                shown.add(new Figure(name, label(name, locale), value(value, locale)));
            }
        });
        return new Text(sentence, shown);
    }

    /**
     * The Japanese sentence of the code with its places filled, or the English sentence when the code has
     * none (a test keeps there being one for every code). {@code {sentence}} places the English sentence,
     * for the refusals whose detail is the input's own (a malformed row of a price history).
     */
    String japaneseSentence(String code, String englishSentence, Map<String, Object> figures, Locale locale) {
        String template = template(code, figures, locale);
        if (template == null) {
            return englishSentence;
        }
        Matcher place = PLACE.matcher(template);
        StringBuilder sentence = new StringBuilder();
        while (place.find()) {
            String name = place.group(1);
            String value = name.equals("sentence") ? englishSentence
                    : !figures.containsKey(name) ? place.group() // stays as written, so that a test sees it
                    : figures.get(name) == null ? "—" : value(figures.get(name), locale);
            place.appendReplacement(sentence, Matcher.quoteReplacement(value));
        }
        place.appendTail(sentence);
        return sentence.toString();
    }

    /**
     * The sentence of the situation: where one code answers several situations, {@code rejection.CODE.1},
     * {@code .2}, ... are tried in turn and the first whose every place names a figure of the refusal is
     * taken; else {@code rejection.CODE}.
     */
    String template(String code, Map<String, Object> figures, Locale locale) {
        for (int i = 1; ; i++) {
            String variant = messages.getMessage("rejection." + code + "." + i, null, null, locale);
            if (variant == null) {
                break;
            }
            if (PLACE.matcher(variant).results().map(m -> m.group(1))
                    .allMatch(name -> name.equals("sentence") || figures.containsKey(name))) {
                return variant;
            }
        }
        return messages.getMessage("rejection." + code, null, null, locale);
    }

    String label(String name, Locale locale) {
        return messages.getMessage("figure." + name, null, name, locale);
    }

    String value(Object value, Locale locale) {
        boolean japanese = "ja".equals(locale.getLanguage());
        if (value instanceof LocalDate date) {
            return japanese ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.JAPAN).format(date)
                    : date.toString();
        }
        if (value instanceof Yen yen) {
            String figure = NumberFormat.getIntegerInstance(locale).format(yen.amount());
            return japanese ? figure + "円" : "¥" + figure;
        }
        if (value instanceof Rights rights) {
            return NumberFormat.getIntegerInstance(locale).format(rights.count());
        }
        if (value instanceof SharesPerRight shares) {
            return NumberFormat.getIntegerInstance(locale).format(shares.shares());
        }
        if (value instanceof ExerciseWindow window) {
            return value(window.firstDay(), locale) + (japanese ? "～" : " to ") + value(window.lastDay(), locale);
        }
        if (value instanceof Enum<?> choice) {
            String prefix = CHOICES.get(choice.getDeclaringClass());
            return prefix == null ? choice.name() : messages.getMessage(prefix + choice.name(), null, choice.name(), locale);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> v == null ? "" : value(v, locale))
                    .collect(Collectors.joining(japanese ? "、" : ", "));
        }
        return String.valueOf(value);
    }
}
