package io.sartracker.service.page;

import io.sartracker.kernel.model.ExerciseWindow;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.RestructuringKind;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.SharesPerRight;
import io.sartracker.kernel.model.Yen;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal has its sentence in Japanese: every {@link RuleCode} has {@code rejection.CODE} in
 * {@code messages_ja.properties}, and every situation the rejection classes of the command side build (found by reflection, each
 * method called with sample figures) gives a Japanese sentence with every place filled from its own
 * figures, and a label for every figure, in both languages.
 */
class RejectionSentencesTest {
    private static final List<String> REJECTION_CLASSES = List.of(
            "io.sartracker.command.series.SeriesRejections",
            "io.sartracker.command.series.HoldingRejections",
            "io.sartracker.command.person.PersonRejections",
            "io.sartracker.command.issuer.IssuerRejections",
            "io.sartracker.command.policy.BusinessDate");
    private static final Locale JA = Locale.JAPANESE;

    private final ResourceBundleMessageSource messages = messages();
    private final RejectionText text = new RejectionText(messages);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** In English a page shows the API's own sentence; in Japanese, the code's sentence of the messages. */
    @Test
    void everyRuleCodeHasASentenceInJapanese() {
        List<String> missing = new ArrayList<>();
        for (RuleCode code : RuleCode.values()) {
            String sentence = messages.getMessage("rejection." + code, null, null, JA);
            if (sentence == null || !hasJapanese(sentence)) {
                missing.add(code.name());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySituationOfTheRejectionClassesIsSaidInJapaneseWithItsOwnFigures() throws Exception {
        List<RuleViolation> situations = situations();
        assertThat(situations).as("the rejection classes were found").hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        for (RuleViolation violation : situations) {
            String code = violation.code().name();
            String sentence = text.japaneseSentence(code, violation.getMessage(), violation.figures(), JA);
            if (sentence.equals(violation.getMessage()) || !hasJapanese(sentence)) {
                problems.add(code + ": no Japanese sentence");
            } else if (sentence.contains("{")) {
                problems.add(code + " " + violation.figures().keySet() + ": a place without its figure: " + sentence);
            }
            for (String figure : violation.figures().keySet()) {
                if (!hasJapanese(text.label(figure, JA))) {
                    problems.add(code + ": no Japanese label for the figure " + figure);
                }
                if (text.label(figure, Locale.ENGLISH).equals(figure)) {
                    problems.add(code + ": no English label for the figure " + figure);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aRefusalIsSaidWithItsFiguresAsJapaneseWritesThem() {
        RuleViolation outside = RuleViolation.of(RuleCode.OUTSIDE_EXERCISE_WINDOW, "Cannot exercise on 2023-07-10: ...",
                "exerciseDate", LocalDate.of(2023, 7, 10), "windowFirstDay", LocalDate.of(2023, 6, 24),
                "windowLastDay", LocalDate.of(2023, 7, 3), "rightsHeld", Rights.of(30));
        RejectionText.Text ja = text.of("OUTSIDE_EXERCISE_WINDOW", outside.getMessage(), outside.figures(), JA);
        assertThat(ja.sentence()).contains("2023年7月10日").contains("2023年6月24日").contains("2023年7月3日")
                .contains("行使期間");
        assertThat(ja.figures()).extracting(RejectionText.Figure::label).contains("行使日", "行使可能期間の初日");
        RejectionText.Text en = text.of("OUTSIDE_EXERCISE_WINDOW", outside.getMessage(), outside.figures(), Locale.ENGLISH);
        assertThat(en.sentence()).isEqualTo(outside.getMessage());
        assertThat(en.figures()).extracting(RejectionText.Figure::value).contains("2023-06-24", "30");

        RuleViolation heir = RuleViolation.of(RuleCode.HOLDER_ALREADY_DECEASED, "The heir ...", "holderId",
                HolderId.of("D03"), "heirId", HolderId.of("H1"), "dateOfDeath", LocalDate.of(2024, 1, 5));
        assertThat(text.of("HOLDER_ALREADY_DECEASED", heir.getMessage(), heir.figures(), JA).sentence())
                .contains("相続人").contains("H1").contains("2024年1月5日");
        RuleViolation kind = RuleViolation.of(RuleCode.RESTRUCTURING_WITHOUT_REPLACEMENT, "The agreement ...",
                "kind", RestructuringKind.ABSORPTION_TYPE_DEMERGER);
        assertThat(text.of("RESTRUCTURING_WITHOUT_REPLACEMENT", kind.getMessage(), kind.figures(), JA).figures()
                .get(0).value()).isEqualTo("吸収分割");
    }

    private static boolean hasJapanese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }

    /** Every static method of the rejection classes that builds a {@link RuleViolation}, called with sample figures. */
    static List<RuleViolation> situations() throws Exception {
        List<RuleViolation> situations = new ArrayList<>();
        for (String name : REJECTION_CLASSES) {
            for (Method method : Class.forName(name).getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != RuleViolation.class) {
                    continue;
                }
                method.setAccessible(true);
                Type[] types = method.getGenericParameterTypes();
                Object[] arguments = new Object[types.length];
                for (int i = 0; i < types.length; i++) {
                    arguments[i] = sample(types[i], method);
                }
                situations.add((RuleViolation) method.invoke(null, arguments));
            }
        }
        return situations;
    }

    private static Object sample(Type type, Method method) throws Exception {
        if (type instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            Class<?> raw = (Class<?>) generic.getRawType();
            if (raw == List.class) {
                return List.of(sample(element, method), sample(element, method));
            }
            if (raw == Set.class && element == Role.class) {
                return EnumSet.allOf(Role.class);
            }
        }
        if (type instanceof Class<?> c) {
            if (c == SeriesId.class) {
                return SeriesId.of("IIJ-SAR-5");
            }
            if (c == IssuerId.class) {
                return IssuerId.of("IIJ");
            }
            if (c == HolderId.class) {
                return HolderId.of("D01");
            }
            if (c == LocalDate.class) {
                return LocalDate.of(2023, 6, 30);
            }
            if (c == Rights.class) {
                return Rights.of(30);
            }
            if (c == SharesPerRight.class) {
                return SharesPerRight.of(800);
            }
            if (c == Yen.class) {
                return Yen.of(391_285);
            }
            if (c == Ratio.class) {
                return Ratio.of(2, 1);
            }
            if (c == ExerciseWindow.class) {
                return new ExerciseWindow(LocalDate.of(2015, 7, 14), LocalDate.of(2045, 7, 13));
            }
            if (c == BigDecimal.class) {
                return new BigDecimal("1.5");
            }
            if (c == String.class) {
                return "departure from office on 2023-06-23";
            }
            if (c == int.class) {
                return 10;
            }
            if (c == long.class) {
                return 3L;
            }
            if (c.isEnum()) {
                return c.getEnumConstants()[0];
            }
            if (c.getSimpleName().equals("PersonFact")) {
                Method departure = c.getDeclaredMethod("departure", LocalDate.class);
                departure.setAccessible(true);
                return departure.invoke(null, LocalDate.of(2023, 6, 23));
            }
            if (c.getSimpleName().equals("Step")) {
                var constructor = c.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                Class<?> cause = constructor.getParameterTypes()[2];
                return constructor.newInstance(LocalDate.of(2022, 10, 1), SharesPerRight.of(800),
                        cause.getEnumConstants()[0]);
            }
        }
        throw new AssertionError("no sample figure of type " + type + " for " + method
                + "; add one so that its sentence is checked");
    }

    /** Prints every situation (code and figures): a help when writing the sentences. */
    public static void main(String[] args) throws Exception {
        for (RuleViolation v : situations()) {
            System.out.println(v.code() + " " + v.figures().keySet() + " :: " + v.getMessage());
        }
    }
}
