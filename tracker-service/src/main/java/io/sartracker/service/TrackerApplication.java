package io.sartracker.service;

import io.sartracker.service.imports.ImportCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/** The tracker as one service: command side, query side and HTTP, on H2 by default. */
@SpringBootApplication(scanBasePackages = "io.sartracker")
@EnableScheduling
public class TrackerApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ImportCommandLine.COMMAND)) {
            System.exit(ImportCommandLine.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(TrackerApplication.class, args);
    }
}
