package io.sartracker.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sartracker.command.policy.BusinessDate;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every rejection is built once, by a method named after its rule code in a rejection class
 * ({@code SeriesRejections}, {@code HoldingRejections}, {@code PersonRejections}, {@code IssuerRejections}),
 * checked on the compiled classes of this module and of the shared kernel. The exceptions, each for a reason:
 * <ul>
 *     <li>{@link RuleViolation} itself: {@code of} calls its constructor;</li>
 *     <li>{@link BusinessDate}: its one rejection, {@code FACT_DATED_IN_FUTURE}, is already built once, by its
 *     own named method beside the rule; a class for that one method would only take it away from the rule.</li>
 * </ul>
 * The query side and the service build their own rejections (an unknown series, an Idempotency-Key, an
 * If-Match); they are not on this module's class path.
 */
class RejectionsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sartracker");

    @Test
    void onlyTheRejectionClassesBuildARuleViolation() {
        noClasses().that().haveSimpleNameNotEndingWith("Rejections")
                .and().doNotBelongToAnyOf(RuleViolation.class, BusinessDate.class)
                .should().callMethod(RuleViolation.class, "of", RuleCode.class, String.class, Object[].class)
                .orShould().callConstructor(RuleViolation.class, RuleCode.class, String.class, Map.class)
                .because("each rejection is built once, by a method named after its rule code")
                .check(CLASSES);
    }
}
