package io.sartracker.command.series;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.command.person.PersonAtIssuer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.time.Clock;

/**
 * A real Axon configuration (command bus, event-sourcing repositories, in-memory event store) with
 * the series and the people's histories, for tests that need more than one aggregate: the issuer's
 * facts fan out to several series and go through the person's history in one unit of work. The
 * clock is a component, so aggregate command handlers get it as a parameter, as in the service.
 */
final class TwoSeries {
    private TwoSeries() {
    }

    static Configuration configuration(SeriesDirectory directory, Clock clock) {
        return DefaultConfigurer.defaultConfiguration()
                .configureAggregate(StockAcquisitionRight.class)
                .configureAggregate(PersonAtIssuer.class)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> clock)
                .registerCommandHandler(c -> new IssuerCommandHandler(c.repository(StockAcquisitionRight.class),
                        c.repository(PersonAtIssuer.class), directory, new EventStoreHoldingReplay(c.eventStore()), clock))
                .buildConfiguration();
    }
}
