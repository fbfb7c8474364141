package io.sartracker.service.directory;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.service.contract.ApiContract;
import io.sartracker.service.contract.Refusals;
import io.sartracker.service.security.Recorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The holder directory over HTTP: equity administrators enter, change and erase a person's name, address and
 * contact; compliance and equity administrators read them. Nothing here goes through the command bus, so no
 * Idempotency-Key store or audit row ever holds a name.
 */
@RestController
@Tag(name = ApiContract.HOLDER_DIRECTORY)
public class HolderDirectoryController {
    private final HolderDirectory directory;
    private final Retention retention;

    public HolderDirectoryController(HolderDirectory directory, Retention retention) {
        this.directory = directory;
        this.retention = retention;
    }

    /** What an erasure did and why it was allowed. {@code lastHoldingEnded} is none for a person who held nothing. */
    public record Erasure(String personId, Instant erasedAt, String erasedBy, LocalDate lastHoldingEnded,
                          String retention, LocalDate erasableFrom) {
    }

    /** Every change of a person's entry, oldest first; the personal fields are empty once erased. */
    public record DirectoryHistory(String personId, List<HolderDirectory.DirectoryChange> changes) {
    }

    @Operation(operationId = "directoryEntry", summary = "A person's name, address and contact",
            description = "As the statutory register shows them beside the identifier.")
    @Refusals(RuleCode.NO_DIRECTORY_ENTRY)
    @GetMapping("/holders/{personId}/directory")
    public DirectoryEntry entry(@PathVariable String personId) {
        return directory.entry(HolderId.of(personId).value());
    }

    @Operation(operationId = "enterDirectoryEntry", summary = "Enter or change a person's name, address and contact",
            description = "nameKanji is required (at most 200 characters); nameKana (200), address (500) and contact"
                    + " (200) may be left out. The change is kept in the entry's history with the signed-in user."
                    + " Nothing is recorded in the events.")
    @PutMapping("/holders/{personId}/directory")
    public DirectoryEntry enter(@PathVariable String personId, @RequestBody DirectoryDetails details) {
        return directory.enter(HolderId.of(personId).value(), details, Recorder.current());
    }

    @Operation(operationId = "eraseDirectoryEntry", summary = "Erase a person's personal data",
            description = "Allowed once the person holds no rights in any series and the retention"
                    + " (tracker.holder-directory.retention, 10 years by default) has passed since the last holding"
                    + " ended. The entry is deleted and its history keeps who changed it when, without the data."
                    + " The events and the register keep the identifier.")
    @Refusals({RuleCode.NO_DIRECTORY_ENTRY, RuleCode.RIGHTS_STILL_HELD, RuleCode.RETENTION_NOT_ELAPSED})
    @DeleteMapping("/holders/{personId}/directory")
    public Erasure erase(@PathVariable String personId) {
        String person = HolderId.of(personId).value();
        directory.entry(person);
        Retention.Erasable erasable = retention.check(person);
        Recorder recorder = Recorder.current();
        Instant erasedAt = directory.erase(person, recorder);
        return new Erasure(person, erasedAt, recorder.name(), erasable.lastHoldingEnded(),
                erasable.retention().toString(), erasable.erasableFrom());
    }

    @Operation(operationId = "directoryHistory", summary = "The history of a person's entry",
            description = "Who entered, changed or erased it, when and how they signed in, with what each change"
                    + " entered; after an erasure only who and when. Empty for a person never entered.")
    @GetMapping("/holders/{personId}/directory/history")
    public DirectoryHistory history(@PathVariable String personId) {
        String person = HolderId.of(personId).value();
        return new DirectoryHistory(person, directory.history(person));
    }
}
