package io.sartracker.service.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark run small on each store: every figure is produced and sane (the generated history is
 * all in the store, rates and times are positive and finite). No figure is compared with a target:
 * timing on a shared machine is not a test.
 */
class StoreBenchmarkSmokeTest {

    @ParameterizedTest
    @EnumSource(StoreBenchmark.Store.class)
    void producesEveryFigure(StoreBenchmark.Store store) throws Exception {
        StoreBenchmark.Size size = new StoreBenchmark.Size(3, 20, 2, 8);
        List<StoreBenchmark.Figure> figures = StoreBenchmark.measure(store, size, false);
        Map<String, StoreBenchmark.Figure> byName = figures.stream()
                .collect(Collectors.toMap(StoreBenchmark.Figure::name, Function.identity()));

        assertThat(byName.keySet()).contains(
                "(1) raw: append, one durable commit each", "(1) raw: read in order and deserialize",
                "(2) gateway, 1 client: commands/s", "(2) gateway, 8 clients: p99", "(2) HTTP, 8 clients: p99",
                "(3) rebuild of every projection", "(4) command on it: p99", "(4) the command after it: p99",
                "(4) largest snapshot",
                "(5) as-of holder view: p99", "(5) as-of register: p99", "(5) list of every series: p50", "(6) command to the views: p99",
                "(7) lapse sweep of every series", "(7) start-up on the full store", "(7) resident memory after load", "(7) bytes on disk per event");
        assertThat(figures).allSatisfy(figure -> assertThat(figure.value()).as(figure.name()).isFinite().isNotNegative());
        assertThat(figures).filteredOn(figure -> !figure.name().contains("snapshot"))
                .allSatisfy(figure -> assertThat(figure.value()).as(figure.name()).isPositive());
        // The first series recorded through commands, and two copies of it: three times its events, at least
        // an allotment, a departure or death, and two exercises of each of its 20 holders.
        long events = (long) byName.get("events in the store").value();
        assertThat(events % 3).isZero();
        assertThat(events / 3).isGreaterThanOrEqualTo(20 * 4);
        assertThat(byName.get("(4) events in the long series").value()).isGreaterThanOrEqualTo(20 * 3);
        assertThat(byName.get("(3) rebuild of every projection").ratio()).isPositive();
        assertThat(byName.get("(2) gateway, 8 clients: commands/s").ratio()).isPositive();
    }
}
