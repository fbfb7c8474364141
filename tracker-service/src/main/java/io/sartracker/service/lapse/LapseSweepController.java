package io.sartracker.service.lapse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator run the lapse sweep now rather than wait for the next business day. */
@RestController
public class LapseSweepController {
    private final LapseSweep sweep;

    public LapseSweepController(LapseSweep sweep) {
        this.sweep = sweep;
    }

    @PostMapping("/lapse-sweeps")
    public LapseSweep.SweepReport sweepNow() {
        return sweep.sweep();
    }
}
