package io.sartracker.command.issuer;

import io.sartracker.command.directory.SeriesDirectory;
import io.sartracker.command.series.StockAcquisitionRight;
import io.sartracker.kernel.command.RecordDeath;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareConsolidation;
import io.sartracker.kernel.command.RecordRoleChange;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.command.ReverseFactOfPerson;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.rule.RuleCode;
import io.sartracker.kernel.rule.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Facts that belong to the issuer rather than to one series: a person losing office, changing
 * office or dying (and the reversal of a departure or a death), a share split or consolidation. Each is applied to every series of the issuer it concerns, in
 * one unit of work: if one series rejects it, none records it.
 */
public class IssuerCommandHandler {
    private final Repository<StockAcquisitionRight> repository;
    private final SeriesDirectory directory;

    public IssuerCommandHandler(Repository<StockAcquisitionRight> repository, SeriesDirectory directory) {
        this.repository = repository;
        this.directory = directory;
    }

    /** @return the series in which the departure was recorded */
    @CommandHandler
    public List<SeriesId> handle(RecordDepartureFromOffice command) {
        return forPerson(command.issuerId(), command.holderId(), series -> series.recordDeparture(command) > 0,
                () -> noRightsLeft(command.issuerId(), command.holderId(), "a departure from office"));
    }

    /** @return the series in which the death was recorded */
    @CommandHandler
    public List<SeriesId> handle(RecordDeath command) {
        return forPerson(command.issuerId(), command.personId(), series -> series.recordDeath(command) > 0,
                () -> noRightsLeft(command.issuerId(), command.personId(), "a death"));
    }

    /** @return the series in which the person's departure or death was reversed */
    @CommandHandler
    public List<SeriesId> handle(ReverseFactOfPerson command) {
        return forPerson(command.issuerId(), command.personId(), series -> series.reverseFactOfPerson(command) > 0,
                () -> RuleViolation.of(RuleCode.NOTHING_TO_REVERSE,
                        "No " + command.fact().name().toLowerCase() + " of " + command.personId()
                                + " is recorded that could be reversed.",
                        "issuerId", command.issuerId(), "holderId", command.personId(), "fact", command.fact()));
    }

    /** @return the series in which the role change was recorded */
    @CommandHandler
    public List<SeriesId> handle(RecordRoleChange command) {
        return forPerson(command.issuerId(), command.holderId(), series -> series.recordRoleChange(command) > 0,
                () -> RuleViolation.of(RuleCode.ROLE_UNCHANGED,
                        "No holding of " + command.holderId() + " in office has another role than "
                                + command.newRole() + "; nothing to record.",
                        "issuerId", command.issuerId(), "holderId", command.holderId(), "newRole", command.newRole()));
    }

    /** @return the series whose shares per right the split adjusted */
    @CommandHandler
    public List<SeriesId> handle(RecordShareSplit command) {
        return forEverySeries(command.issuerId(), series -> series.recordSplit(command));
    }

    /** @return the series whose shares per right the consolidation adjusted */
    @CommandHandler
    public List<SeriesId> handle(RecordShareConsolidation command) {
        return forEverySeries(command.issuerId(), series -> series.recordConsolidation(command));
    }

    private List<SeriesId> forPerson(IssuerId issuerId, HolderId personId,
                                     Function<StockAcquisitionRight, Boolean> record,
                                     Supplier<RuleViolation> whenNothingRecorded) {
        seriesOf(issuerId);
        boolean known = false;
        List<SeriesId> recorded = new ArrayList<>();
        for (SeriesId seriesId : directory.seriesOf(issuerId, personId)) {
            Aggregate<StockAcquisitionRight> series = repository.load(seriesId.value());
            if (!series.invoke(s -> s.concerns(personId))) {
                continue;
            }
            known = true;
            if (series.invoke(record)) {
                recorded.add(seriesId);
            }
        }
        if (!known) {
            throw RuleViolation.of(RuleCode.UNKNOWN_HOLDER,
                    "No rights of " + issuerId + " were allotted to or inherited by " + personId + ".",
                    "issuerId", issuerId, "holderId", personId);
        }
        if (recorded.isEmpty()) {
            throw whenNothingRecorded.get();
        }
        return recorded;
    }

    private static RuleViolation noRightsLeft(IssuerId issuerId, HolderId personId, String what) {
        return RuleViolation.of(RuleCode.NO_RIGHTS_LEFT,
                "No rights of " + personId + " remain that " + what + " could affect: every holding was"
                        + " exercised, lapsed or acquired.",
                "issuerId", issuerId, "holderId", personId);
    }

    private List<SeriesId> forEverySeries(IssuerId issuerId, Function<StockAcquisitionRight, Boolean> record) {
        List<SeriesId> recorded = new ArrayList<>();
        for (SeriesId seriesId : seriesOf(issuerId)) {
            if (repository.load(seriesId.value()).invoke(record)) {
                recorded.add(seriesId);
            }
        }
        return recorded;
    }

    private List<SeriesId> seriesOf(IssuerId issuerId) {
        List<SeriesId> series = directory.seriesOf(issuerId);
        if (series.isEmpty()) {
            throw RuleViolation.of(RuleCode.UNKNOWN_ISSUER,
                    "No series of issuer " + issuerId + " is recorded.", "issuerId", issuerId);
        }
        return series;
    }
}
