package io.sartracker.service.reference;

import io.sartracker.kernel.command.AllotRights;
import io.sartracker.kernel.command.ExerciseRights;
import io.sartracker.kernel.command.IssueSeries;
import io.sartracker.kernel.command.RecordDepartureFromOffice;
import io.sartracker.kernel.command.RecordShareSplit;
import io.sartracker.kernel.model.DepartureReason;
import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Ratio;
import io.sartracker.kernel.model.Rights;
import io.sartracker.kernel.model.Role;
import io.sartracker.kernel.model.SeriesId;
import io.sartracker.kernel.model.Terms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 5th series as it really went (RULES.md 12), as the commands an administrator would send.
 * The split of rights among the 7 directors and 11 executive officers is not in the notice; this
 * one gives D01 the 30 rights of the section's example and the totals of (15).
 */
public final class ReferenceHistory {
    public static final SeriesId SERIES = SeriesId.of("IIJ-SAR-5");
    public static final IssuerId ISSUER = IssuerId.of("IIJ");
    public static final HolderId RETIRING_DIRECTOR = HolderId.of("D01");
    static final long[] DIRECTOR_RIGHTS = {30, 25, 22, 21, 20, 20, 15};
    static final long[] OFFICER_RIGHTS = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};

    private ReferenceHistory() {
    }

    public static List<Object> commands() {
        Terms terms = Terms.fifthSeries();
        List<Object> commands = new ArrayList<>();
        commands.add(new IssueSeries(SERIES, ISSUER, terms));
        for (int i = 0; i < DIRECTOR_RIGHTS.length; i++) {
            commands.add(new AllotRights(SERIES, director(i + 1), Role.DIRECTOR, Rights.of(DIRECTOR_RIGHTS[i]),
                    terms.allotmentDate()));
        }
        for (int i = 0; i < OFFICER_RIGHTS.length; i++) {
            commands.add(new AllotRights(SERIES, officer(i + 1), Role.EXECUTIVE_OFFICER,
                    Rights.of(OFFICER_RIGHTS[i]), terms.allotmentDate()));
        }
        commands.add(new RecordShareSplit(ISSUER, Ratio.of(2, 1), LocalDate.of(2020, 12, 31), null));
        commands.add(new RecordShareSplit(ISSUER, Ratio.of(2, 1), LocalDate.of(2022, 9, 30), null));
        commands.add(new RecordDepartureFromOffice(ISSUER, RETIRING_DIRECTOR, LocalDate.of(2023, 6, 23),
                DepartureReason.RETIREMENT));
        commands.add(ExerciseRights.ofRights(SERIES, RETIRING_DIRECTOR, LocalDate.of(2023, 6, 30), 30));
        return commands;
    }

    public static HolderId director(int n) {
        return HolderId.of(String.format("D%02d", n));
    }

    public static HolderId officer(int n) {
        return HolderId.of(String.format("E%02d", n));
    }
}
