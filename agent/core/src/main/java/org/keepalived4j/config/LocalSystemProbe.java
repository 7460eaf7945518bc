package org.keepalived4j.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;

/**
 * This machine as keepalived sees it: interfaces from {@code /sys/class/net} (of the network
 * namespace the process runs in), users and groups from {@code /etc/passwd} and
 * {@code /etc/group}, scripts looked up on the {@code PATH} like keepalived does, and the
 * script security walk over every directory from {@code /} down to the script.
 */
public final class LocalSystemProbe implements SystemProbe {

    private static final int LOOPBACK_TYPE = 772;

    private final Path sysClassNet;
    private final Path passwd;
    private final Path group;
    private final String path;

    /** The running machine. */
    public LocalSystemProbe() {
        this(Path.of("/sys/class/net"), Path.of("/etc/passwd"), Path.of("/etc/group"),
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    LocalSystemProbe(Path sysClassNet, Path passwd, Path group, String path) {
        this.sysClassNet = sysClassNet;
        this.passwd = passwd;
        this.group = group;
        this.path = path;
    }

    @Override
    public boolean interfaceExists(String name) {
        return SystemProbe.validInterfaceName(name) && Files.exists(sysClassNet.resolve(name));
    }

    @Override
    public boolean isLoopback(String name) {
        try {
            return Integer.parseInt(Files.readString(sysClassNet.resolve(name).resolve("type")).trim()) == LOOPBACK_TYPE;
        } catch (IOException | NumberFormatException e) {
            return "lo".equals(name);
        }
    }

    @Override
    public boolean userExists(String name) {
        return field(passwd, name, 0) != null;
    }

    @Override
    public boolean isRootUser(String name) {
        return "0".equals(field(passwd, name, 2));
    }

    @Override
    public boolean groupExists(String name) {
        return field(group, name, 0) != null;
    }

    @Override
    public Optional<String> scriptProblem(String command) {
        Path p = resolve(command);
        if (p == null) {
            return Optional.of("cannot find " + command + " in path");
        }
        return Files.isRegularFile(p) ? Optional.empty() : Optional.of(p + " is not a regular file");
    }

    @Override
    public boolean scriptExecutable(String command) {
        Path p = resolve(command);
        return p != null && Files.isExecutable(p);
    }

    @Override
    public Optional<String> scriptSecurityProblem(String command) {
        Path p = resolve(command);
        if (p == null) {
            return Optional.of("not found");
        }
        Path current = p.getRoot();
        for (Path part : p) {
            current = current.resolve(part);
            Optional<String> problem = unsafe(current);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return unsafe(p.getRoot());
    }

    @Override
    public String programPath(String program) {
        Path real = resolve(program);
        if (real == null) {
            return program;
        }
        String name = Path.of(program).getFileName() == null ? null : Path.of(program).getFileName().toString();
        if (name != null && !name.equals(real.getFileName().toString()) && real.getParent() != null) {
            Path sameName = real.getParent().resolve(name);
            try {
                if (Files.isSameFile(sameName, real)) {
                    return sameName.toString();
                }
            } catch (IOException e) {
                // not there: the real path then
            }
        }
        return real.toString();
    }

    private static Optional<String> unsafe(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean stickyDir = a.isDirectory() && Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)
                    instanceof Integer mode && (mode & 01000) != 0;
            boolean groupRoot = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS) == 0;
            if ((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) != 0) {
                return Optional.of(p + " is not owned by root");
            }
            boolean checked = a.isDirectory() && !stickyDir || a.isRegularFile();
            if (checked && (!groupRoot && a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || a.permissions().contains(PosixFilePermission.OTHERS_WRITE))) {
                return Optional.of(p + " is writable by a non-root user");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(p + " cannot be examined");
        }
    }

    /** The script's file: a name without '/' is searched on the PATH. */
    private Path resolve(String command) {
        if (command.isEmpty()) {
            return null;
        }
        if (command.indexOf('/') >= 0) {
            Path p = Path.of(command).toAbsolutePath().normalize();
            return Files.exists(p) ? realOrSelf(p) : null;
        }
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(p)) {
                return realOrSelf(p.toAbsolutePath());
            }
        }
        return null;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static String field(Path file, String name, int index) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                String[] f = line.split(":", -1);
                if (f.length > index && f[0].equals(name)) {
                    return f[index];
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    public String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException ex) {
                return "localhost";
            }
        }
    }
}
