package org.keepalived4j.config.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Expands an include pattern the way keepalived's {@code glob(GLOB_MARK | GLOB_BRACE |
 * GLOB_ALTDIRFUNC)} call does, relative to the including file's directory: brace alternatives
 * in order, the matches of each sorted by bytes, directories marked with a trailing {@code /},
 * hidden names only for patterns that start with a dot. It also counts, as keepalived's hooks
 * do, the names that were looked up but missing and the directories that could not be opened,
 * which decide what keepalived reports.
 */
final class FileGlob {

    /**
     * @param matches the matching paths as written relative to the pattern's base
     * @param missingFiles non-magic names that did not exist
     * @param missingDirectories directories that could not be opened for a wildcard
     * @param usedWildcards a directory was listed for a wildcard
     * @param tooLarge a bound was hit (too many brace alternatives or directory entries)
     */
    record Result(List<String> matches, int missingFiles, int missingDirectories, boolean usedWildcards,
                  boolean tooLarge) {
    }

    private static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final Path base;
    private final ReaderLimits limits;
    private int missingFiles;
    private int missingDirectories;
    private boolean usedWildcards;
    private int entriesScanned;

    private FileGlob(Path base, ReaderLimits limits) {
        this.base = base;
        this.limits = limits;
    }

    /** Expands {@code pattern} (Unicode text) relative to {@code base}. */
    static Result expand(String pattern, Path base, ReaderLimits limits) {
        return new FileGlob(base, limits).run(pattern);
    }

    private Result run(String pattern) {
        List<String> alternatives = BraceExpander.expand(pattern, limits.maxBraceAlternatives());
        if (alternatives == null) {
            return new Result(List.of(), 0, 0, false, true);
        }
        List<String> all = new ArrayList<>();
        for (String alternative : alternatives) {
            List<String> found = new ArrayList<>();
            if (!alternative.isEmpty()) {
                boolean absolute = alternative.startsWith("/");
                String[] parts = alternative.split("/+");
                List<String> components = new ArrayList<>();
                for (String part : parts) {
                    if (!part.isEmpty()) {
                        components.add(part);
                    }
                }
                walk(absolute ? "/" : "", components, 0, found);
            }
            if (entriesScanned > limits.maxDirectoryEntries()) {
                return new Result(List.of(), missingFiles, missingDirectories, usedWildcards, true);
            }
            found.sort(BYTE_ORDER);
            all.addAll(found);
        }
        return new Result(all, missingFiles, missingDirectories, usedWildcards, false);
    }

    private void walk(String prefix, List<String> components, int index, List<String> found) {
        if (index == components.size()) {
            if (!prefix.isEmpty()) {
                found.add(mark(prefix));
            }
            return;
        }
        String component = components.get(index);
        boolean last = index == components.size() - 1;
        if (!GlobPattern.isMagic(component)) {
            String path = join(prefix, GlobPattern.unescape(component));
            if (last) {
                if (exists(path)) {
                    found.add(mark(path));
                } else {
                    missingFiles++;
                }
            } else {
                walk(path, components, index + 1, found);
            }
            return;
        }
        usedWildcards = true;
        List<String> names = list(prefix.isEmpty() ? "." : prefix);
        if (names == null) {
            missingDirectories++;
            return;
        }
        names.sort(BYTE_ORDER);
        for (String name : names) {
            if (GlobPattern.matches(component, name)) {
                String path = join(prefix, name);
                if (last) {
                    found.add(mark(path));
                } else if (Files.isDirectory(resolve(path))) {
                    walk(path, components, index + 1, found);
                }
            }
        }
    }

    private List<String> list(String directory) {
        Path dir = resolve(directory);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        List<String> names = new ArrayList<>(List.of(".", ".."));
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                if (++entriesScanned > limits.maxDirectoryEntries()) {
                    break;
                }
                names.add(entry.getFileName().toString());
            }
        } catch (IOException | SecurityException unreadable) {
            return null;
        }
        return names;
    }

    private boolean exists(String path) {
        Path p = resolve(path);
        return p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** The path with a '/' appended if it names a directory (GLOB_MARK). */
    private String mark(String path) {
        Path p = resolve(path);
        return p != null && Files.isDirectory(p) && !path.endsWith("/") ? path + "/" : path;
    }

    private Path resolve(String path) {
        try {
            return base.resolve(path);
        } catch (InvalidPathException invalid) {
            return null;
        }
    }

    private static String join(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }
}
