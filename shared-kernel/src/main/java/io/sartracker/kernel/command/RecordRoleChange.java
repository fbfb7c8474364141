package io.sartracker.kernel.command;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Require;
import io.sartracker.kernel.model.Role;

import java.time.LocalDate;

/**
 * A holder moved between the offices of (15), say an executive officer made a director: not a loss
 * of office (RULES.md 3), so no window opens. Recorded on every holding of the person at the issuer.
 */
public record RecordRoleChange(IssuerId issuerId, HolderId holderId, Role newRole, LocalDate changeDate) {
    public RecordRoleChange {
        Require.present(issuerId, "issuerId");
        Require.present(holderId, "holderId");
        Require.present(newRole, "newRole");
        Require.date(changeDate, "changeDate");
    }
}
