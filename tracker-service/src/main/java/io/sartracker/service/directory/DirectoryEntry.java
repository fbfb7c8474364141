package io.sartracker.service.directory;

import java.time.Instant;

/**
 * A person's entry in the holder directory: what the statutory register shows beside the identifier.
 *
 * @param version   1 when first entered, one more with each change (counting across erasures)
 * @param changedBy who made the latest change: the signed-in user
 */
public record DirectoryEntry(String personId, String nameKanji, String nameKana, String address, String contact,
                             int version, Instant changedAt, String changedBy) {
}
