package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived's {@code smtp_alert} mail from keepalived4j configured with keepalived's keywords
 * only, into a real SMTP server (GreenMail in this JVM, reached from the daemon's namespace over
 * a veth pair): the mails keepalived sends, the notify script's lines beside them, and mails of
 * transitions made while the mail server is down (or the daemon was SIGKILLed) delivered, in
 * order, once it is back.
 */
class AlertMailIT {

    @TempDir
    Path dir;

    private Lab lab;
    private String ns;
    private String hostAddress;
    private int port;
    private GreenMail smtp;
    private final List<Node> nodes = new ArrayList<>();
    private String name;

    @BeforeEach
    void setUp() throws Exception {
        lab = new Lab("alertmail");
        ns = lab.namespace("a");
        String peer = lab.namespace("b");
        lab.link(ns, "eth0", "10.83.0.1/24", peer, "eth0", "10.83.0.2/24");
        int net = ThreadLocalRandom.current().nextInt(1, 250);
        hostAddress = "10.84." + net + ".1";
        lab.linkToHost("k4jm" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)),
                hostAddress + "/30", ns, "mail0", "10.84." + net + ".2/30");
        port = 2525;
        name = "mail" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        startMailServer();
    }

    @AfterEach
    void cleanUp() throws IOException {
        nodes.forEach(Node::close);
        if (smtp != null) {
            smtp.stop();
        }
        lab.close();
        deleteTree(spool().getParent());
    }

    private void startMailServer() {
        smtp = new GreenMail(new ServerSetup(port, hostAddress, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Where the daemon spools mail: keepalived4j's state folder, named after the pid file. */
    private Path spool() {
        return Path.of("/var/lib/keepalived4j", name, "email");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String config(Path trackFile, Path recorder) {
        return "global_defs {\n    router_id lb-mail\n    notification_email {\n        ops@example.com\n    }\n"
                + "    notification_email_from keepalived@lb-mail\n    smtp_server " + hostAddress + " " + port + "\n"
                + "    smtp_connect_timeout 3\n    smtp_alert\n}\n"
                + "vrrp_track_file tf {\n    file " + trackFile + "\n    weight 0\n}\n"
                + "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 83\n"
                + "    priority 100\n    advert_int 0.5\n    track_file {\n        tf\n    }\n"
                + "    notify " + recorder + "\n"
                + "    virtual_ipaddress {\n        10.83.0.100/24\n    }\n}\n";
    }

    private Path recorder() throws IOException {
        Path script = dir.resolve("record.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("notify.txt") + "\n");
        script.toFile().setExecutable(true, false);
        return script;
    }

    private List<String> notifyLines() throws IOException {
        Path f = dir.resolve("notify.txt");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Lab.await(condition, timeout, () -> what);
    }

    private static final String BACKUP = "[lb-mail] VRRP Instance VI_1 - Entering BACKUP state";
    private static final String MASTER = "[lb-mail] VRRP Instance VI_1 - Entering MASTER state";
    private static final String FAULT = "[lb-mail] VRRP Instance VI_1 - Entering FAULT state";

    @Test
    void mailsEveryTransitionAndDeliversThoseMadeWhileTheServerWasDown() throws Exception {
        Path track = dir.resolve("track");
        Files.writeString(track, "0\n");
        Node node = new Node(Node.Kind.KEEPALIVED4J, ns, dir, name).start(config(track, recorder()));
        nodes.add(node);

        // three transitions: BACKUP at start, MASTER when no master answers, FAULT by the track file.
        // Delivery is at least once: a mail the server took while the sender gave up waiting for its
        // answer (a busy machine, smtp_connect_timeout 3) comes again with the same Message-ID, which
        // is one mail to a client; the mails are counted as such a client counts them.
        Set<String> seen = new HashSet<>();
        await("two mails", Duration.ofSeconds(30), () -> fresh(seen).size() >= 2);
        Files.writeString(track, "1\n");
        await("three mails", Duration.ofSeconds(30), () -> fresh(seen).size() >= 3);
        assertThat(subjects(fresh(seen))).containsExactly(BACKUP, MASTER, FAULT);
        MimeMessage master = fresh(seen).get(1);
        seen.addAll(ids(fresh(seen)));
        assertThat(master.getFrom()[0].toString()).isEqualTo("keepalived@lb-mail");
        assertThat(master.getHeader("To", ",")).isEqualTo("ops@example.com");
        assertThat(GreenMailUtil.getBody(master)).startsWith("=> VRRP Instance is now owning VRRP VIPs <=")
                .contains("state: BACKUP -> MASTER", "reason: master no response");
        // the notify script ran beside the mail, with keepalived's arguments
        await("three notify lines", Duration.ofSeconds(10), () -> lines(3));
        assertThat(notifyLines()).containsExactly("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100",
                "INSTANCE VI_1 FAULT 100");

        // the mail server stops; two more transitions happen; it comes back: both mails arrive, in order
        smtp.stop();
        Files.writeString(track, "0\n");
        await("two more notify lines", Duration.ofSeconds(30), () -> lines(5));
        Lab.sleep(Duration.ofSeconds(2));
        assertThat(Files.exists(spool())).isTrue();
        startMailServer();
        await("the two mails of the outage", Duration.ofSeconds(90), () -> fresh(seen).size() >= 2);
        Lab.sleep(Duration.ofSeconds(1));
        assertThat(subjects(fresh(seen))).containsExactly(BACKUP, MASTER);
        seen.addAll(ids(fresh(seen)));

        // a transition while the server is down, then SIGKILL: its mail waits in the spool and goes
        // out after the restart, before the new run's own mails
        smtp.stop();
        Files.writeString(track, "1\n");
        await("the FAULT notify line", Duration.ofSeconds(30), () -> lines(6));
        Lab.sleep(Duration.ofSeconds(1));
        node.kill();
        startMailServer();
        Files.writeString(track, "0\n");
        Node again = new Node(Node.Kind.KEEPALIVED4J, ns, dir, name).start(config(track, recorder()));
        nodes.add(again);
        await("the spooled FAULT mail and the new run's", Duration.ofSeconds(90), () -> fresh(seen).size() >= 3);
        assertThat(subjects(fresh(seen)).subList(0, 3)).containsExactly(FAULT, BACKUP, MASTER);
    }

    /**
     * The notify script the founding configuration (seed 001) wires to notify_master, _backup and
     * _fault, unchanged: it mails through {@code mail}, here s-nail run as {@code mail} and sending
     * to the SMTP server itself (its rc file named by MAILRC, which the script inherits from the
     * daemon's environment). No smtp_alert: the script's mails are the only ones.
     */
    @Test
    void theSeedsMailingNotifyScriptRunsUnchangedThroughTheExecSink() throws Exception {
        Path script = dir.resolve("notify.sh");
        try (var in = AlertMailIT.class.getResourceAsStream("001-notify.sh")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().setExecutable(true, false);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("mail"), Path.of("/usr/bin/s-nail"));
        Path rc = dir.resolve("mailrc");
        Files.writeString(rc, "set v15-compat\nset mta=smtp://" + hostAddress + ":" + port
                + " smtp-auth=none\nset from=keepalived@localhost\n");
        Path track = dir.resolve("track");
        Files.writeString(track, "0\n");
        String config = "global_defs {\n    router_id lb-seed\n}\n"
                + "vrrp_track_file tf {\n    file " + track + "\n    weight 0\n}\n"
                + "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 83\n"
                + "    priority 100\n    advert_int 0.5\n    track_file {\n        tf\n    }\n"
                + "    notify_master \"" + script + " master\"\n"
                + "    notify_backup \"" + script + " backup\"\n"
                + "    notify_fault \"" + script + " fault\"\n"
                + "    virtual_ipaddress {\n        10.83.0.100/24\n    }\n}\n";
        Node node = new Node(Node.Kind.KEEPALIVED4J, ns, dir, name)
                .environment("PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin")
                .environment("MAILRC", rc.toString())
                .start(config);
        nodes.add(node);
        await("the backup and master mails", Duration.ofSeconds(60), () -> smtp.getReceivedMessages().length >= 2);
        Files.writeString(track, "1\n");
        await("the fault mail", Duration.ofSeconds(60), () -> smtp.getReceivedMessages().length >= 3);
        String host = Lab.run("hostname").strip();
        // the script runs once per transition, in order; its own wording, from the script's host
        assertThat(subjects(List.of(smtp.getReceivedMessages()))).containsExactly("vrrp: " + host + " to be backup",
                "vrrp: " + host + " to be master", "vrrp: " + host + " to be fault");
        MimeMessage master = smtp.getReceivedMessages()[1];
        assertThat(master.getHeader("To", ",")).isEqualTo("root@localhost");
        assertThat(GreenMailUtil.getBody(master)).startsWith(host + " to be master, vrrp transition, ");
        assertThat(node.log()).doesNotContain(") notify script ", "Exception in thread");
    }

    /** The mails received that a client dropping repeated Message-IDs shows as new: none of {@code seen}. */
    private List<MimeMessage> fresh(Set<String> seen) {
        return Mails.fresh(smtp.getReceivedMessages(), seen);
    }

    private static List<String> ids(List<MimeMessage> mails) {
        return Mails.each(mails, MimeMessage::getMessageID);
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return Mails.each(mails, MimeMessage::getSubject);
    }

    private boolean lines(int n) {
        try {
            return notifyLines().size() >= n;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The fault suite's full disk under the alert spool: the spool on a 256 KiB tmpfs, filled up.
     * VRRP goes on as before; the alerts the disk refuses are kept in memory, in order, so the
     * notify script still runs for each transition and every mail goes out once the server is back,
     * before those spooled once the disk had room again; nothing escapes.
     */
    @Test
    void aFullDiskUnderTheSpoolLosesNoAlertWhileTheDaemonRunsNorTheVip() throws Exception {
        Path tmpfs = dir.resolve("spool");
        Files.createDirectories(tmpfs);
        Lab.run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", tmpfs.toString());
        try {
            Path fill = tmpfs.resolve("fill");
            Lab.attempt(Duration.ofSeconds(30), List.of("dd", "if=/dev/zero", "of=" + fill, "bs=4k"));
            Path track = dir.resolve("track");
            Files.writeString(track, "0\n");
            smtp.stop(); // alerts must wait
            String config = config(track, recorder()) + "keepalived4j_alerts {\n    spool_dir " + tmpfs
                    + "\n    retry_max 2\n}\n";
            Node node = new Node(Node.Kind.KEEPALIVED4J, ns, dir, name).start(config);
            nodes.add(node);
            await("MASTER with the VIP", Duration.ofSeconds(30), () -> lab.hasAddress(ns, "eth0", "10.83.0.100"));
            await("the spool refusing the alerts", Duration.ofSeconds(30),
                    () -> node.log().contains("the spool refused alert"));
            Files.writeString(track, "1\n");
            await("FAULT without the VIP", Duration.ofSeconds(30),
                    () -> !lab.hasAddress(ns, "eth0", "10.83.0.100"));
            // the notify script ran for every transition although nothing could be spooled
            await("three notify lines", Duration.ofSeconds(30), () -> lines(3));
            assertThat(notifyLines()).containsExactly("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100",
                    "INSTANCE VI_1 FAULT 100");
            // room again: the next transitions come after those in memory
            Files.delete(fill);
            Files.writeString(track, "0\n");
            await("MASTER again", Duration.ofSeconds(30), () -> lab.hasAddress(ns, "eth0", "10.83.0.100"));
            startMailServer();
            Set<String> none = Set.of();
            await("all five mails", Duration.ofSeconds(90), () -> fresh(none).size() >= 5);
            assertThat(subjects(fresh(none))).containsExactly(BACKUP, MASTER, FAULT, BACKUP, MASTER);
            assertThat(node.log()).doesNotContain("lost, the spool refused it", "Exception in thread", "\tat org.keepalived4j");
        } finally {
            nodes.forEach(Node::close);
            nodes.clear();
            Lab.attempt(Duration.ofSeconds(30), List.of("umount", "-l", tmpfs.toString()));
        }
    }
}
