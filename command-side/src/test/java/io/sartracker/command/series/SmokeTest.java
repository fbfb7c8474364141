package io.sartracker.command.series;

import io.sartracker.command.issuer.IssuerCommandHandler;
import io.sartracker.kernel.command.*;
import io.sartracker.kernel.event.*;
import io.sartracker.kernel.model.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class SmokeTest {
    static final SeriesId S = SeriesId.of("IIJ-5");
    static final IssuerId I = IssuerId.of("IIJ");
    static final HolderId D01 = HolderId.of("D01");

    @Test
    void referenceExercise() {
        AggregateTestFixture<StockAcquisitionRight> fixture = new AggregateTestFixture<>(StockAcquisitionRight.class);
        fixture.registerAnnotatedCommandHandler(new IssuerCommandHandler(fixture.getRepository(),
                new InMemorySeriesDirectory().register(S, I)));
        fixture.givenCommands(
                        new IssueSeries(S, I, Terms.fifthSeries()),
                        new AllotRights(S, D01, Role.DIRECTOR, Rights.of(30), LocalDate.of(2015, 7, 13)),
                        new RecordShareSplit(I, Ratio.of(2, 1), LocalDate.of(2020, 12, 31), null),
                        new RecordShareSplit(I, Ratio.of(2, 1), LocalDate.of(2022, 9, 30), null),
                        new RecordDepartureFromOffice(I, D01, LocalDate.of(2023, 6, 23), DepartureReason.RETIREMENT))
                .when(ExerciseRights.ofRights(S, D01, LocalDate.of(2023, 6, 30), 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RightsExercised(S, D01, D01, LocalDate.of(2023, 6, 30), Rights.of(30),
                        SharesPerRight.of(800), 24000, Yen.of(1), Yen.of(24000), Yen.ZERO, Yen.ZERO, Yen.of(24000),
                        Yen.of(12000), Yen.of(12000)));
    }
}
