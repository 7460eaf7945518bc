package org.keepalived4j.config.read;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens one configuration file with keepalived's checks: it must be a regular file that no one
 * may execute (keepalived skips anything else), and it must be readable. Adds this reader's own
 * bounds on file sizes.
 */
final class ConfigFileOpener {

    /**
     * @param source the opened file, or null
     * @param problem what went wrong, in keepalived's words, or null
     * @param checked true if keepalived itself reports the problem (its severity then depends on
     *        the include checks in force); false for this reader's own bounds (always an ERROR)
     */
    record Outcome(ContentSource source, String problem, boolean checked) {
    }

    private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    private final ReadBudget budget;

    ConfigFileOpener(ReadBudget budget) {
        this.budget = budget;
    }

    /**
     * @param path the file
     * @param name the file as shown to the user; a trailing '/' marks a directory
     */
    Outcome open(Path path, String name) {
        if (name.endsWith("/") || Files.isDirectory(path)) {
            return problem("Configuration file '" + name + "' is a directory - skipping");
        }
        if (!Files.isRegularFile(path) || executable(path)) {
            return problem("Configuration file '" + name + "' is not a regular non-executable file - skipping");
        }
        try {
            long size = Files.size(path);
            if (size > budget.limits().maxFileBytes()) {
                return new Outcome(null, "Configuration file '" + name + "' is larger than "
                        + budget.limits().maxFileBytes() + " bytes - skipping", false);
            }
            if (!budget.fileBytes(size)) {
                return new Outcome(null, "Configuration files exceed " + budget.limits().maxTotalBytes()
                        + " bytes in total - skipping '" + name + "'", false);
            }
            // Pseudo files (e.g. under /proc) report size 0 and may block when read.
            byte[] bytes = size == 0 ? new byte[0] : Files.readAllBytes(path);
            if (bytes.length > budget.limits().maxFileBytes()) {
                return new Outcome(null, "Configuration file '" + name + "' is larger than "
                        + budget.limits().maxFileBytes() + " bytes - skipping", false);
            }
            PhysicalLines lines = new PhysicalLines(ConfigText.fromBytes(bytes), name,
                    budget.limits().maxLineLength());
            Path directory = path.toAbsolutePath().getParent();
            return new Outcome(new ContentSource(lines, directory, parentName(name), realPath(path)), null, true);
        } catch (IOException | SecurityException e) {
            return problem("Configuration file '" + name + "' open problem (" + reason(e) + ") - skipping");
        }
    }

    /** The directory part of a file name as written ("" if there is none). */
    static String parentName(String name) {
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? "/" : name.substring(0, slash);
    }

    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static boolean executable(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.stream().anyMatch(EXECUTE::contains);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        return e.getClass().getSimpleName();
    }

    private static Outcome problem(String message) {
        return new Outcome(null, message, true);
    }
}
