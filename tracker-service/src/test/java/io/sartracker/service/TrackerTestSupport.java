package io.sartracker.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each service test gets its own H2 file in a fresh folder. */
final class TrackerTestSupport {
    private TrackerTestSupport() {
    }

    static Path freshDataDir(String name) {
        try {
            return Files.createTempDirectory("sar-tracker-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
