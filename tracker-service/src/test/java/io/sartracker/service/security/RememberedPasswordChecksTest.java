package io.sartracker.service.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedPasswordChecksTest {
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4) {
        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcryptChecks.incrementAndGet();
            return super.matches(rawPassword, encodedPassword);
        }
    };
    private final RememberedPasswordChecks checks = new RememberedPasswordChecks(bcrypt);

    @Test
    void aPasswordThatMatchedIsRememberedForItsStoredHashOnly() {
        String stored = checks.encode("correct horse battery");
        assertThat(checks.matches("correct horse battery", stored)).isTrue();
        assertThat(checks.matches("correct horse battery", stored)).isTrue();
        assertThat(bcryptChecks).as("the second check is remembered").hasValue(1);

        assertThat(checks.matches("wrong horse battery", stored)).isFalse();
        assertThat(bcryptChecks).as("a wrong password goes through bcrypt").hasValue(2);

        String reset = checks.encode("correct horse battery");
        assertThat(checks.matches("correct horse battery", reset)).isTrue();
        assertThat(bcryptChecks).as("a new stored hash is checked anew").hasValue(3);
        assertThat(checks.matches("correct horse battery", "{bcrypt}not-a-hash")).isFalse();
        assertThat(checks.matches(null, stored)).isFalse();
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        String stored = checks.encode("correct horse battery");
        assertThat(checks.matches("wrong horse battery", stored)).isFalse();
        assertThat(checks.matches("wrong horse battery", stored)).isFalse();
        assertThat(bcryptChecks).hasValue(2);
    }
}
