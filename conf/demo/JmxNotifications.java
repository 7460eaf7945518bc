// keepalived4j demo: the JMX notifications of one running daemon, printed as they arrive.
//
//   java JmxNotifications.java PID NODE T0 EVENTS
//
// Run by bin/demo with the JDK's source launcher (no build step) inside the daemon's network
// namespace. It attaches to the daemon as JConsole does (the attach API, which starts the JVM's
// local JMX connector on 127.0.0.1 of that namespace), listens to every MBean of the keepalived
// domain, and prints each AttributeChangeNotification (State of instances and sync groups, Alive of
// real servers, QuorumMet of virtual servers, Reloads of the daemon) as one line
// "ELAPSED  jmx     NODE  TEXT", ELAPSED in seconds since T0 (bash's $EPOCHREALTIME at the
// demo's start), to standard output and appended to the EVENTS file. Ends when the daemon does.

import com.sun.tools.attach.VirtualMachine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

public class JmxNotifications {

    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);
    private static String node;
    private static double t0;
    private static Path events;

    public static void main(String[] args) throws Exception {
        String pid = args[0];
        node = args[1];
        t0 = Double.parseDouble(args[2]);
        events = Path.of(args[3]);
        long deadline = System.nanoTime() + 120_000_000_000L;

        // The attach API signals the JVM (SIGQUIT): wait until the daemon's JVM handles it.
        while (!isJavaCatchingSigquit(pid)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pid " + pid + " never became attachable");
            }
            Thread.sleep(100);
        }
        VirtualMachine vm = VirtualMachine.attach(pid);
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        CountDownLatch closed = new CountDownLatch(1);
        connector.addConnectionNotificationListener((n, h) -> {
            if (JMXConnectionNotification.CLOSED.equals(n.getType()) || JMXConnectionNotification.FAILED.equals(n.getType())) {
                closed.countDown();
            }
        }, null, null);
        MBeanServerConnection server = connector.getMBeanServerConnection();

        ObjectName domain = new ObjectName("keepalived:*");
        // MBeans registered later (the checkers' come a little after the rest; a reload adds
        // some) get the listener too: their registrations are queued from the start, and taken
        // up here rather than in the callback, which must not call the connection itself.
        BlockingQueue<ObjectName> registered = new LinkedBlockingQueue<>();
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, (n, h) -> {
            if (n instanceof MBeanServerNotification r && MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(r.getType())
                    && domain.apply(r.getMBeanName())) {
                registered.add(r.getMBeanName());
            }
        }, null, null);
        Set<ObjectName> names = server.queryNames(domain, null);
        while (names.stream().noneMatch(n -> "VrrpInstance".equals(n.getKeyProperty("type")))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no keepalived MBeans in pid " + pid);
            }
            Thread.sleep(100);
            names = server.queryNames(domain, null);
        }
        NotificationListener print = (n, handback) -> print(n);
        Set<ObjectName> listening = new HashSet<>();
        StringBuilder states = new StringBuilder();
        for (ObjectName name : names) {
            if (listen(server, name, print)) {
                listening.add(name);
            }
            if ("VrrpInstance".equals(name.getKeyProperty("type"))) {
                states.append(", ").append(label(name)).append(" State ").append(server.getAttribute(name, "State"));
            }
        }
        line("attached to pid " + pid + " (attach API, as JConsole does): listening to the " + listening.size()
                + " keepalived MBeans that send notifications" + states);
        while (closed.getCount() > 0) {
            ObjectName name = registered.poll(200, TimeUnit.MILLISECONDS);
            if (name != null && !listening.contains(name) && listen(server, name, print)) {
                listening.add(name);
            }
        }
        line("connection closed: the daemon stopped");
        System.exit(0);
    }

    private static boolean listen(MBeanServerConnection server, ObjectName name, NotificationListener listener) {
        try {
            if (server.isInstanceOf(name, "javax.management.NotificationBroadcaster")) {
                server.addNotificationListener(name, listener, null, null);
                return true;
            }
        } catch (Exception gone) {
            // unregistered meanwhile
        }
        return false;
    }

    private static void print(Notification n) {
        ObjectName source = n.getSource() instanceof ObjectName o ? o : null;
        String what = source == null ? String.valueOf(n.getSource()) : label(source);
        if (n instanceof AttributeChangeNotification c) {
            String message = n.getMessage() == null || n.getMessage().isBlank() ? "" : " (" + n.getMessage() + ")";
            line(what + ": " + c.getAttributeName() + " " + c.getOldValue() + " -> " + c.getNewValue() + message);
        } else {
            line(what + ": " + n.getType() + (n.getMessage() == null ? "" : " " + n.getMessage()));
        }
    }

    /** keepalived:type=RealServer,virtualServer="10.0.0.1:80/tcp",name="10.0.0.2:8080" as "RealServer 10.0.0.2:8080". */
    private static String label(ObjectName name) {
        String n = name.getKeyProperty("name");
        if (n != null && n.startsWith("\"")) {
            n = ObjectName.unquote(n);
        }
        return name.getKeyProperty("type") + (n == null ? "" : " " + n);
    }

    private static synchronized void line(String text) {
        double elapsed = System.currentTimeMillis() / 1000.0 - t0;
        byte[] line = String.format(Locale.ROOT, "%8.3f  %-7s %s  %s%n", elapsed, "jmx", node, text).getBytes(StandardCharsets.UTF_8);
        try {
            OUT.write(line);
            Files.write(events, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            System.exit(0);
        }
    }

    /**
     * Whether PID is a JVM by now (the launch goes through ip and the launcher scripts, which exec
     * in place) and /proc/PID/status says it catches SIGQUIT (bit 3 of SigCgt).
     */
    private static boolean isJavaCatchingSigquit(String pid) throws IOException {
        if (!Files.readString(Path.of("/proc", pid, "comm")).strip().equals("java")) {
            return false;
        }
        for (String l : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (l.startsWith("SigCgt:")) {
                return (Long.parseLong(l.substring(7).strip(), 16) & (1L << 2)) != 0;
            }
        }
        return false;
    }
}
