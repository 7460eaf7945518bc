package org.keepalived4j.exporter.jmx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Checks remote JMX credentials against a password file in the JDK's {@code jmxremote.password}
 * format: one {@code user password} per line, {@code #} comments. Like the JDK, it refuses a file
 * that group or others can read. The file is read once, when remote JMX starts.
 */
final class PasswordFileAuthenticator implements JMXAuthenticator {

    private final Map<String, byte[]> passwords;

    private PasswordFileAuthenticator(Map<String, byte[]> passwords) {
        this.passwords = passwords;
    }

    static PasswordFileAuthenticator load(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IOException(file + ": password file must be readable by its owner only (chmod 600)");
            }
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to check
        }
        Map<String, byte[]> passwords = new HashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (words.length != 2) {
                throw new IOException(file + ":" + lineNumber + ": expected 'user password'");
            }
            passwords.put(words[0], words[1].getBytes(StandardCharsets.UTF_8));
        }
        return new PasswordFileAuthenticator(Map.copyOf(passwords));
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            throw new SecurityException("Authentication failed: credentials must be {user, password}");
        }
        byte[] expected = passwords.get(pair[0]);
        byte[] given = pair[1].getBytes(StandardCharsets.UTF_8);
        boolean ok = MessageDigest.isEqual(expected == null ? new byte[given.length + 1] : expected, given);
        if (expected == null || !ok) {
            throw new SecurityException("Authentication failed");
        }
        return new Subject(true, Set.of(new JMXPrincipal(pair[0])), Collections.emptySet(), Collections.emptySet());
    }
}
