package io.sartracker.service.reference;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.service.security.Recorder;
import io.sartracker.service.web.CommandSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code --tracker.load-reference-history=true}, records the reference history into an empty
 * store at start-up, through the same commands as the HTTP API. A store that already holds a series
 * is left alone.
 */
@Component
@ConditionalOnProperty(name = "tracker.load-reference-history", havingValue = "true")
public class ReferenceHistoryLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ReferenceHistoryLoader.class);

    private final CommandSender sender;
    private final SeriesDirectory directory;

    public ReferenceHistoryLoader(CommandSender sender, SeriesDirectory directory) {
        this.sender = sender;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.allSeries().isEmpty()) {
            log.info("The store already holds {} series; the reference history is not loaded again",
                    directory.allSeries().size());
            return;
        }
        int events = 0;
        for (Object command : ReferenceHistory.commands()) {
            events += sender.send(command, Recorder.SYSTEM).events().size();
        }
        log.info("Loaded the reference history of series {}: {} commands, {} events", ReferenceHistory.SERIES,
                ReferenceHistory.commands().size(), events);
    }
}
