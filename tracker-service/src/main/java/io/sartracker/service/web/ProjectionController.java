package io.sartracker.service.web;

import io.sartracker.query.replay.ProjectionRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Rebuild every projection from the event store, and watch its progress. */
@RestController
public class ProjectionController {
    private final ProjectionRebuild rebuild;

    public ProjectionController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/projections/rebuild")
    public ResponseEntity<List<ProjectionRebuild.Progress>> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/projections/rebuild")
    public List<ProjectionRebuild.Progress> progress() {
        return rebuild.progress();
    }
}
