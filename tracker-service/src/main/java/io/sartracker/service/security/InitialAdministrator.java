package io.sartracker.service.security;

import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * At the first start of an empty store, creates the user {@value #USERNAME} with every role and a
 * generated password, written to a file in the data folder that only the service's account can
 * read. No password is built into the tracker. Not done when password sign-in is off (the identity
 * provider names the administrators then).
 */
@Component
class InitialAdministrator implements SmartInitializingSingleton {
    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password.txt";
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccounts accounts;
    private final SecuritySettings settings;
    private final Path dataDir;

    InitialAdministrator(UserAccounts accounts, SecuritySettings settings,
                         @Value("${tracker.data-dir}") Path dataDir) {
        this.accounts = accounts;
        this.settings = settings;
        this.dataDir = dataDir;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.passwordSignIn() || !accounts.none()) {
            return;
        }
        UserAccounts.AccountWithPassword admin;
        try {
            admin = accounts.create(USERNAME, EnumSet.allOf(TrackerRole.class), null, Recorder.SYSTEM_NAME);
        } catch (RuleViolation | DuplicateKeyException createdByAnotherNode) {
            if (createdByAnotherNode instanceof RuleViolation violation
                    && violation.code() != RuleCode.USER_ALREADY_EXISTS) {
                throw violation;
            }
            // several nodes started at once on an empty database: the first one created the administrator
            log.info("The administrator '{}' was created by another node at the same moment; its password is in"
                    + " that node's data folder", USERNAME);
            return;
        }
        Path file = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            Files.deleteIfExists(file);
            OwnerOnly.createFile(file);
            Files.writeString(file, admin.generatedPassword() + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first administrator's password to " + file, e);
        }
        log.warn("No user existed, so the administrator '{}' was created with every role. Its password is in {}"
                + " (readable by this account only). Sign in with it, add the users you need (POST /users),"
                + " change its password (PUT /me/password) and delete the file.", USERNAME, file);
    }
}
