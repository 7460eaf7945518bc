package org.keepalived4j.exporter.jmx;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessController;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

/**
 * What each remote JMX user may do, from an access file in the JDK's {@code jmxremote.access}
 * format ({@code user readonly} or {@code user readwrite}). {@code readonly} reads attributes,
 * queries names and listens to notifications; {@code readwrite} may also set attributes and
 * invoke operations. Nobody may create, register or unregister MBeans remotely. Without an
 * access file every authenticated user is {@code readonly}.
 */
final class AccessLevels {

    private static final Set<String> READ = Set.of("getAttribute", "getAttributes", "getMBeanInfo",
            "getObjectInstance", "queryMBeans", "queryNames", "isRegistered", "getMBeanCount", "getDefaultDomain",
            "getDomains", "isInstanceOf", "addNotificationListener", "removeNotificationListener");
    private static final Set<String> WRITE = Set.of("setAttribute", "setAttributes", "invoke");
    /**
     * Called by the connector server itself, outside any remote user's context: class loading for
     * deserialization, and its notification buffer's listener on the MBean server delegate.
     * Every remote request runs as an authenticated user, so a call without one is internal.
     */
    private static final Set<String> INTERNAL = Set.of("getClassLoaderRepository", "getClassLoader",
            "getClassLoaderFor");

    private final Map<String, Boolean> writers;

    private AccessLevels(Map<String, Boolean> writers) {
        this.writers = writers;
    }

    static AccessLevels readOnlyForAll() {
        return new AccessLevels(null);
    }

    static AccessLevels load(Path file) throws IOException {
        Map<String, Boolean> levels = new HashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (words.length < 2 || !(words[1].equals("readonly") || words[1].equals("readwrite"))) {
                throw new IOException(file + ":" + lineNumber + ": expected 'user readonly|readwrite'");
            }
            levels.put(words[0], words[1].equals("readwrite"));
        }
        return new AccessLevels(Map.copyOf(levels));
    }

    /** Whether the user may call this MBeanServer method. */
    boolean allows(String user, String method) {
        if (READ.contains(method)) {
            return writers == null || writers.containsKey(user);
        }
        return WRITE.contains(method) && writers != null && Boolean.TRUE.equals(writers.get(user));
    }

    /** A forwarder that applies these levels to every remote call. */
    MBeanServerForwarder forwarder() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, new Guard(this));
    }

    private static final class Guard implements InvocationHandler {
        private final AccessLevels levels;
        private MBeanServer target;

        Guard(AccessLevels levels) {
            this.levels = levels;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getMBeanServer":
                    return target;
                case "setMBeanServer":
                    target = (MBeanServer) args[0];
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "AccessLevels forwarder";
                default:
                    break;
            }
            String user = currentUser();
            boolean internal = user == null
                    && (INTERNAL.contains(method.getName()) || READ.contains(method.getName()));
            if (!internal && (user == null || !levels.allows(user, method.getName()))) {
                throw new SecurityException("Access denied: " + method.getName()
                        + (user == null ? " needs an authenticated user" : " is not allowed for " + user));
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @SuppressWarnings("removal")
        private static String currentUser() {
            Subject subject = Subject.getSubject(AccessController.getContext());
            if (subject == null) {
                return null;
            }
            for (JMXPrincipal p : subject.getPrincipals(JMXPrincipal.class)) {
                return p.getName();
            }
            return subject.getPrincipals().stream().findFirst().map(java.security.Principal::getName).orElse(null);
        }
    }
}
