package io.sartracker.service.lapse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Recording;
import io.sartracker.service.web.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.sartracker.service.web.SeriesVersions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * Lets an administrator run the lapse sweep now rather than wait for the next business day. The
 * sweep records each series in its own transaction and never records a lapse twice, so its
 * Idempotency-Key is stored with the report once the sweep is done: a retry gets that report.
 */
@RestController
@Tag(name = ApiContract.OPERATIONS)
public class LapseSweepController {
    private final LapseSweep sweep;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public LapseSweepController(LapseSweep sweep, Idempotency idempotency, ObjectMapper json) {
        this.sweep = sweep;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Operation(operationId = "sweepLapses", summary = "Run the lapse sweep now",
            description = "Records every lapse due by today (less the grace days) in each series, rather than wait"
                    + " for the next business day; answers how many it recorded per series. A lapse is never"
                    + " recorded twice. It takes no If-Match (400 when sent).")
    @ApiResponse(responseCode = "200", description = "Swept: the lapses recorded, per series",
            useReturnTypeSchema = true)
    @Recording(Recording.Scope.EVERY_SERIES)
    @PostMapping("/lapse-sweeps")
    public LapseSweep.SweepReport sweepNow(@Parameter(hidden = true)
                                           @RequestHeader(value = SeriesVersions.IF_MATCH, required = false)
                                           String ifMatch)
            throws JsonProcessingException {
        SeriesVersions.refuseIfMatch(ifMatch, "the lapse sweep, which looks at every series,");
        Optional<Idempotency.KeyedRequest> keyed = idempotency.currentRequest();
        keyed.ifPresent(idempotency::replayIfAnswered);
        LapseSweep.SweepReport report = sweep.sweep();
        if (keyed.isPresent()) {
            idempotency.remember(keyed.get(), 200, json.writeValueAsString(report));
        }
        return report;
    }
}
