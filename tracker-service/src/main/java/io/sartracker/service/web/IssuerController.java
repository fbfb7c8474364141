package io.sartracker.service.web;

import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.service.web.Requests.DeathRequest;
import io.sartracker.service.web.Requests.DepartureRequest;
import io.sartracker.service.web.Requests.PersonReversalRequest;
import io.sartracker.service.web.Requests.RoleChangeRequest;
import io.sartracker.service.web.Requests.ShareConsolidationRequest;
import io.sartracker.service.web.Requests.ShareSplitRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Facts of the issuer: office is held at the issuer and splits apply to all its shares, so each of
 * these is recorded once and applied to every series it concerns.
 */
@RestController
@RequestMapping("/issuers/{issuerId}")
public class IssuerController {
    private final CommandSender sender;
    private final Clock clock;

    public IssuerController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping("/departures")
    public ResponseEntity<Recorded> departure(@PathVariable String issuerId, @RequestBody DepartureRequest request) {
        return sender.record(new RecordDepartureFromOffice(IssuerId.of(issuerId),
                request.holderId(), request.departureDate(), request.reason()));
    }

    @PostMapping("/deaths")
    public ResponseEntity<Recorded> death(@PathVariable String issuerId, @RequestBody DeathRequest request) {
        return sender.record(new RecordDeath(IssuerId.of(issuerId), request.personId(),
                request.dateOfDeath()));
    }

    @PostMapping("/role-changes")
    public ResponseEntity<Recorded> roleChange(@PathVariable String issuerId, @RequestBody RoleChangeRequest request) {
        return sender.record(new RecordRoleChange(IssuerId.of(issuerId), request.holderId(),
                request.newRole(), request.changeDate()));
    }

    /** Reverses a departure or a death recorded in error, in every series of the person. */
    @PostMapping("/reversals")
    public ResponseEntity<Recorded> reversal(@PathVariable String issuerId, @RequestBody PersonReversalRequest request) {
        LocalDate reversedOn = request.reversedOn() != null ? request.reversedOn() : LocalDate.now(clock);
        return sender.record(new ReverseFactOfPerson(IssuerId.of(issuerId), request.personId(),
                request.fact(), request.reason(), reversedOn));
    }

    @PostMapping("/share-splits")
    public ResponseEntity<Recorded> split(@PathVariable String issuerId, @RequestBody ShareSplitRequest request) {
        return sender.record(new RecordShareSplit(IssuerId.of(issuerId), request.ratio(),
                request.recordDate(), request.meetingClosingDate()));
    }

    @PostMapping("/share-consolidations")
    public ResponseEntity<Recorded> consolidation(@PathVariable String issuerId,
                                                  @RequestBody ShareConsolidationRequest request) {
        return sender.record(new RecordShareConsolidation(IssuerId.of(issuerId),
                request.ratio(), request.effectiveDate()));
    }
}
