package io.sartracker.service.cluster;

import io.sartracker.query.store.AuditStore;
import io.sartracker.query.store.RegisterStore;
import io.sartracker.service.config.CoordinatorExecutor;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Several nodes on one database. The projections' processors share their segments through the claims
 * in Axon's token table: a segment is processed by the one node whose claim on it is current; a node
 * that stops releases its claims, one that dies lets them expire after the claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}), and another node then claims them.
 */
@Configuration
public class ClusterConfig {
    private static final Logger log = LoggerFactory.getLogger(ClusterConfig.class);
    static final List<String> PROJECTIONS = List.of(RegisterStore.PROJECTION, AuditStore.PROJECTION);

    /**
     * Axon's JDBC token store with this node's name as the owner of its claims: two nodes in one JVM (or
     * on one host with the same process id) would otherwise both believe they hold a claim.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties properties,
                          TrackerNode node) {
        // Axon's default table and column names: TokenEntry as created by migration V1
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(properties.getClaimTimeout()).nodeId(node.id()).contentType(byte[].class).build();
    }

    /**
     * The projections' processors: a segment with nothing to handle stores its token when its claim is
     * extended, every second rather than Axon's five (a rebuild's completion reads the stored tokens); a
     * node without the query role claims no segment, its processors run but never take work. Each
     * coordinator looks for room in its work packages again as soon as one begins a batch
     * ({@link CoordinatorExecutor}).
     */
    @Bean
    ConfigurerModule projectionProcessors(TrackerNode node) {
        return configurer -> {
            log.info("Node {} with roles {}", node.id(), node.roles());
            PROJECTIONS.forEach(name -> {
                CoordinatorExecutor coordinator = new CoordinatorExecutor(name);
                configurer.onShutdown(coordinator::shutdown);
                configurer.eventProcessing().registerHandlerInterceptor(name, config -> coordinator.roomAsEachBatchBegins());
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                        name, (config, builder) -> {
                            builder.claimExtensionThreshold(1000).coordinatorExecutor(coordinator);
                            if (!node.keepsProjections()) {
                                builder.maxClaimedSegments(0);
                            }
                            return builder;
                        });
            });
        };
    }
}
