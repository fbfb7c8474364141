package io.sartracker.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The tracker as one service: command side, query side and HTTP, on H2 by default. */
@SpringBootApplication(scanBasePackages = "io.sartracker")
@EnableScheduling
public class TrackerApplication {
    public static void main(String[] args) {
        SpringApplication.run(TrackerApplication.class, args);
    }
}
