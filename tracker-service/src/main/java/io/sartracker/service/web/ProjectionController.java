package io.sartracker.service.web;

import io.sartracker.query.replay.ProjectionRebuild;
import io.sartracker.service.contract.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Rebuild every projection from the event store, and watch its progress. */
@RestController
@Tag(name = ApiContract.OPERATIONS)
public class ProjectionController {
    private final ProjectionRebuild rebuild;

    public ProjectionController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(operationId = "rebuildProjections", summary = "Rebuild every projection from the event store",
            description = "Each projection not already being rebuilt is folded anew from the first event in a new"
                    + " generation, while the current one keeps answering; follow the progress with GET.")
    @ApiResponse(responseCode = "202", description = "Started: the progress of every projection",
            useReturnTypeSchema = true)
    @PostMapping("/projections/rebuild")
    public ResponseEntity<List<ProjectionRebuild.Progress>> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @Operation(operationId = "rebuildProgress", summary = "The progress of the projections' rebuilds")
    @GetMapping("/projections/rebuild")
    public List<ProjectionRebuild.Progress> progress() {
        return rebuild.progress();
    }
}
