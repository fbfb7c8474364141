package io.sartracker.service.ocf;

import io.sartracker.service.directory.HolderDirectory;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The Open Cap Format export, its stakeholders named from the holder directory. */
@Configuration
public class OcfConfig {

    @Bean
    OcfPackages ocfPackages(QueryGateway queries, HolderDirectory directory, Clock clock) {
        return new OcfPackages(queries, new OcfExport(), directory, clock);
    }
}
