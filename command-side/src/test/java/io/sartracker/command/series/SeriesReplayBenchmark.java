package io.sartracker.command.series;

import io.sartracker.kernel.event.RightsAllotted;
import io.sartracker.kernel.event.SeriesIssued;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.sartracker.command.series.FifthSeries.ALLOTMENT_DATE;
import static io.sartracker.command.series.FifthSeries.S;
import static io.sartracker.command.series.FifthSeries.TERMS;
import static io.sartracker.command.series.FifthSeries.exercised;

/**
 * How long Axon takes to read a series whole from its events, as it does when no snapshot can serve (a snapshot of
 * an older shape, a reversal reaching past the facts a snapshot kept): {@code holders} holders, each allotted and
 * then exercising one right at a time {@code exercises} times. Prints the time of each read and their median.
 * Not a test: {@code scripts/series-replay-benchmark.sh 400 25} (BENCHMARKS.md, change 50).
 */
public final class SeriesReplayBenchmark {
    private SeriesReplayBenchmark() {
    }

    public static void main(String[] args) {
        int holders = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int exercises = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        List<Object> events = new ArrayList<>();
        events.add(new SeriesIssued(S, FifthSeries.I, TERMS));
        for (int h = 0; h < holders; h++) {
            events.add(new RightsAllotted(S, holder(h), Role.EXECUTIVE_OFFICER, Rights.of(exercises), ALLOTMENT_DATE));
        }
        for (int e = 0; e < exercises; e++) {
            for (int h = 0; h < holders; h++) {
                events.add(exercised(holder(h), "2016-01-" + String.format("%02d", 1 + e % 28), 1, 100));
            }
        }
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("StockAcquisitionRight", S.value(), i, events.get(i)));
        }
        AggregateModel<StockAcquisitionRight> model =
                AnnotatedAggregateMetaModelFactory.inspectAggregate(StockAcquisitionRight.class);
        int rounds = 15;
        double[] millis = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long begin = System.nanoTime();
            EventSourcedAggregate<StockAcquisitionRight> series = EventSourcedAggregate.initialize(
                    new StockAcquisitionRight(), model, (EventBus) null, NoSnapshotTriggerDefinition.TRIGGER);
            series.initializeState(DomainEventStream.of(messages.stream()));
            millis[round] = (System.nanoTime() - begin) / 1e6;
            if (series.getAggregateRoot().holdingFigures().size() != holders) {
                throw new IllegalStateException("the series read has " + series.getAggregateRoot().holdingFigures().size()
                        + " holdings, not " + holders);
            }
            System.out.printf("read %d events of %d holders in %.1f ms%n", messages.size(), holders, millis[round]);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("median of %d reads: %.1f ms (%.2f us an event)%n", rounds, sorted[rounds / 2],
                sorted[rounds / 2] * 1000 / messages.size());
    }

    private static HolderId holder(int h) {
        return HolderId.of("E" + h);
    }
}
