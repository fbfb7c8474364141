package io.sartracker.kernel.event.person;

import io.sartracker.kernel.model.HolderId;
import io.sartracker.kernel.model.IssuerId;
import io.sartracker.kernel.model.Role;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person moved between the offices of (15) and still holds office (RULES.md 3). */
@Revision("1")
public record PersonRoleChanged(IssuerId issuerId, HolderId personId, Role newRole, LocalDate changeDate)
        implements PersonEvent {
    @Override
    public LocalDate effectiveDate() {
        return changeDate;
    }
}
