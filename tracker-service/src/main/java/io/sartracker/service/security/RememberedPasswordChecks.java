package io.sartracker.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Every API request signs in again (HTTP Basic), and a bcrypt check of work factor 12 takes a
 * quarter of a second or more: this remembers, for a few minutes and in memory only, that a
 * password matched a stored hash, as a keyed hash (HMAC with a key made at start-up, never stored).
 * The entry is found by the stored hash itself, so a new password (a new hash) or a restart forgets
 * it; a disabled user is refused before the password is looked at. A password that does not match
 * what was remembered goes through bcrypt again, so guessing stays as slow as bcrypt makes it.
 */
final class RememberedPasswordChecks implements PasswordEncoder {
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);
    private final PasswordEncoder hashes;
    private final SecretKeySpec key;
    private final Cache<String, byte[]> matched = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(REMEMBERED_FOR).build();

    RememberedPasswordChecks(PasswordEncoder hashes) {
        this.hashes = hashes;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashes.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        byte[] presented = keyed(rawPassword);
        byte[] remembered = matched.getIfPresent(encodedPassword);
        if (remembered != null && MessageDigest.isEqual(remembered, presented)) {
            return true;
        }
        boolean matches = hashes.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(encodedPassword, presented);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    private byte[] keyed(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
