package io.sartracker.service.durability;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, a projection's batch commits without waiting for its write-ahead log to reach the disk
 * ({@code SET LOCAL synchronous_commit TO OFF}, for that transaction only). A view is derived from the events and
 * its processor's token commits in the same transaction as its rows, so a server crash can lose only the last
 * few batches (PostgreSQL flushes within 0.6 s), both their rows and their token: the processor handles those
 * events again from the token it finds, and nothing acknowledged to a user is lost. The commands' own commits
 * stay durable. A command on a long series waited behind 2.3 syncs of the log and now 1.3 (the command's own, and
 * the register's and the audit trail's for its event before; BENCHMARKS.md, change 62).
 */
public final class ViewCommits implements MessageHandlerInterceptor<EventMessage<?>> {
    private static final String SET = ViewCommits.class.getName();

    private final JdbcTemplate jdbc;

    public ViewCommits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // once a batch: its events share the unit of work and its transaction
        unitOfWork.root().getOrComputeResource(SET, key -> {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            return Boolean.TRUE;
        });
        return interceptorChain.proceed();
    }
}
