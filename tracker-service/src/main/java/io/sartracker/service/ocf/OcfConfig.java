package io.sartracker.service.ocf;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The Open Cap Format export and the names its stakeholders carry. */
@Configuration
public class OcfConfig {

    /**
     * Until the holder directory is there, the identifiers stand for the names. This is the seam where
     * the directory's names plug in: replace this bean with one that looks the person up.
     */
    @Bean
    StakeholderNames stakeholderNames() {
        return StakeholderNames.IDENTIFIERS;
    }

    @Bean
    OcfPackages ocfPackages(QueryGateway queries, StakeholderNames names, Clock clock) {
        return new OcfPackages(queries, new OcfExport(names), clock);
    }
}
