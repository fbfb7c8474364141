package io.sartracker.service.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds directors' equity and the users' password hashes: only the account that
 * runs the tracker may read it. Applied to the folder (rwx------) and the files in it (rw-------);
 * files H2 creates later are out of reach in a folder nobody else may enter. On a file system
 * without POSIX permissions (Windows) this is left to the folder's access list.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder if needed and closes it, with everything in it, to other accounts. */
    static void secureFolder(Path folder) throws IOException {
        if (!supported()) {
            Files.createDirectories(folder);
            return;
        }
        if (Files.notExists(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        }
        Files.setPosixFilePermissions(folder, FOLDER);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
    }

    static void createFile(Path file) throws IOException {
        if (supported()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }
}
