package io.sartracker.service.ocf;

/**
 * The name an Open Cap Format stakeholder carries. The events know a person only by the identifier
 * the issuer gave them (an employee number, say), never by name; the holder directory, kept outside the
 * event store, will know the names. This is the one place where the export asks for a name: until the
 * directory answers it, {@link #IDENTIFIERS} gives the identifier itself as the name.
 */
@FunctionalInterface
public interface StakeholderNames {

    /** The legal name of the person known to the issuer by {@code personId}. */
    String legalName(String issuerId, String personId);

    /** No directory: the identifier stands for the name, as in every other view of the tracker. */
    StakeholderNames IDENTIFIERS = (issuerId, personId) -> personId;
}
