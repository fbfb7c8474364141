package io.sartracker.service.ocf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Open Cap Format package: the manifest and the files it names, each a JSON document, by file name
 * (the manifest first). {@link #zip()} puts them side by side at the root of one ZIP, where the
 * manifest's relative paths ({@code ./Transactions.ocf.json}) find them.
 */
public record OcfPackage(String issuerId, LocalDate asOf, Map<String, byte[]> files) {
    public static final String MANIFEST = "Manifest.ocf.json";

    public OcfPackage {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /** The name a download of this package is saved under. */
    public String fileName() {
        return issuerId + "-ocf-" + asOf + ".zip";
    }

    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                // the entries carry no time of their own: the manifest's generated_at says when
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
