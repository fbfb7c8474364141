package io.sartracker.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sartracker");

    @Test
    void sharedKernelUsesNoSpring() {
        noClasses().that().resideInAPackage("io.sartracker.kernel..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void sharedKernelKnowsNothingOfTheSides() {
        noClasses().that().resideInAPackage("io.sartracker.kernel..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.sartracker.command..", "io.sartracker.query..", "io.sartracker.service..")
                .check(CLASSES);
    }

    @Test
    void commandSideNeverDependsOnQuerySide() {
        noClasses().that().resideInAPackage("io.sartracker.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sartracker.query..", "io.sartracker.service..")
                .check(CLASSES);
    }

    @Test
    void querySideNeverDependsOnCommandSide() {
        noClasses().that().resideInAPackage("io.sartracker.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sartracker.command..", "io.sartracker.service..")
                .check(CLASSES);
    }

    @Test
    void valuationIsPlainJava() {
        noClasses().that().resideInAPackage("io.sartracker.command.valuation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .check(CLASSES);
    }
}
