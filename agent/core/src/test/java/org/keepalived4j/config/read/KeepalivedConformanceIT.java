package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.Severity;

/**
 * Differential test against the real keepalived 2.2.7: the same configuration is given to
 * keepalived (in a network namespace, with {@code --dump-conf}) and to {@link ConfigReader}, and
 * what keepalived reports having read is compared with the tree.
 *
 * <p>Probe lines sit in {@code global_defs { notification_email { ... } }}, whose words keepalived
 * lists one per line (that is its parent process's reading), and in VRRP instances, whose names
 * and passwords keepalived's VRRP process lists (its reading of the consolidated copy). Cases where
 * this reader deliberately differs from keepalived's bugs are left out here and tested in the
 * unit tests.
 */
class KeepalivedConformanceIT {

    private static final String CONFIG_ID = "lexerit";

    private static final String INSTANCE = """
            vrrp_instance VI_0 {
             interface eth0
             virtual_router_id 50
             virtual_ipaddress {
              10.99.0.100/24
             }
            }
            """;

    private static final String LEXING_PROBES = """
            a\\#b c\\!d
            "q#x" w#comment
            e!f
            x\\ty "t\\tz"
            it's 'x y' "p q"r ab"c d"e
            a1 \\
            a2
            e\\\\
            $X=one
            $Y = two
               $Z=three four
            $E=
            x:$X y:$Y z:$Z e[${E}]
            $X/ $X. $X, ${X}. p${X}q
            $X,b ($X) a$X
            $$X $1 $X$X ${X}${X}
            $R=${X}-$X-${S}
            $S=late
            r:$R
            $A=$B
            $B=bee
            $A ${A}x
            $M=multi \\
              line2 \\
              line3
            pre $M
            ${M}
            $M post
            $MB=mb-a \\

            mb-not-part
            mbx:$MB
            ~SEQ(i,3) s1-$i
            ~SEQ(i,5,3) s2-$i
            ~SEQ(j, -2) s3-$j
            ~SEQ(k,0) s4-$k
            ~SEQ(m,1,2,6) s5-${m}
            ~SEQx(h,9,3,15) s6-$h
            ~SEQ(a,1,2) ~SEQ(b,1,2) s7-$a-$b
            $N=2
            ~SEQ(n,1,$N) s8-$n
            ~SEQ(i,0x0a,0xc) h$i
            ~SEQ(i,010) o$i
            ~SEQ(c d,3) cd$c
            ~LST(v,x,y,z) l1-$v
            ~LST({p,q},{1,2},{3},{4,5}) l2-${p}-$q
            ~LST(a,,b) la[${a}]
            ~LST({IP, IP1}, {10,1},{20,4}) 192.168.${IP}.${IP1}
            @lexerit c1
            @other c2
            @^lexerit c3
            @^other c4
            @lexerit
            @lexerit\tc5tab
            @ c7
            @^ c8
            x @lexerit c9
            @lexerit $Q=defined
            q:$Q
            @lexerit @lexerit c12
            i:$_INSTANCE
            $_HASH $_BANG
            "h${_HASH}b${_BANG}"
            $S2=~SEQ(k,2) sq-$k
            $S2
            ~FOO $X
            $D=$W=5
            $D
            w:$W
            end
            """;

    private static final String INCLUDE_PROBES = """
            include B/x.conf
            include y.conf
            include conf.d/*.conf
            include {b,a}.conf
            include {a,zz}.conf
            include {c,{b,a}}.conf
            include nonexist.conf
            include "q.conf"
            $I=include a.conf
            $I
            @lexerit include b.conf
            include [ab].conf
            include ?.conf
            end
            """;

    private static final String INSTANCE_PROBES = """
            $P=secret
            vrrp_instance VI_1 {
             interface eth0
             virtual_router_id 51
             authentication {
              auth_type PASS
              auth_pass ab\\#cd
             }
             virtual_ipaddress {
              10.99.0.101/24
             }
            }
            vrrp_instance VI_2 {
             interface eth0
             virtual_router_id 52
             authentication {
              auth_type PASS
              auth_pass "q\\!z"
             }
             virtual_ipaddress {
              10.99.0.102/24
             }
            }
            vrrp_instance VI_3{interface eth0
             virtual_router_id 53
             authentication {auth_type PASS
              @lexerit auth_pass $P
              @^lexerit auth_pass other
             }
             virtual_ipaddress { 10.99.0.103/24 } }
            $INST=\\
            vrrp_instance VI_${n} { \\
             interface eth0 \\
             virtual_router_id 6${n} \\
             authentication { \\
              auth_type PASS \\
              # a comment line ending in a backslash does not end the definition \\
              auth_pass pw${n} \\
             } \\
             virtual_ipaddress { \\
              10.99.0.1${n}/24 \\
             } \\
            }
            ~SEQ(n,5,6) $INST
            """;

    @TempDir
    static Path work;

    private static KeepalivedLab lab;

    @BeforeAll
    static void startLab() throws IOException, InterruptedException {
        lab = KeepalivedLab.start(work);
    }

    @AfterAll
    static void stopLab() throws IOException {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void wordsMatchKeepalivedsFirstReading() throws IOException, InterruptedException {
        Path config = write(work.resolve("lexing/keepalived.conf"), globalProbe(LEXING_PROBES));

        assertThat(ourNotificationWords(config)).isEqualTo(keepalivedNotificationWords(config));
    }

    @Test
    void includesMatchKeepalivedsFirstReading() throws IOException, InterruptedException {
        Path dir = work.resolve("includes");
        write(dir.resolve("B/x.conf"), "w-b1\ninclude y.conf\n");
        write(dir.resolve("B/y.conf"), "w-y-in-B\n");
        write(dir.resolve("y.conf"), "w-y-in-A\n");
        write(dir.resolve("conf.d/20.conf"), "w-c20\n");
        write(dir.resolve("conf.d/10.conf"), "w-c10\n");
        write(dir.resolve("conf.d/3.conf"), "w-c3\n");
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));
        for (String name : List.of("a", "b", "c")) {
            write(dir.resolve(name + ".conf"), "w-" + name + "\n");
        }
        write(dir.resolve("\"q.conf\""), "w-q\n");
        Files.setPosixFilePermissions(write(dir.resolve("x.conf"), "w-x\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = write(dir.resolve("keepalived.conf"), globalProbe(INCLUDE_PROBES));

        List<String> ours = ourNotificationWords(config);

        assertThat(ours).isEqualTo(keepalivedNotificationWords(config)).contains("w-y-in-B", "w-q").doesNotContain("w-x");
    }

    @Test
    void instancesMatchKeepalivedsSecondReading() throws IOException, InterruptedException {
        Path config = write(work.resolve("instances/keepalived.conf"), INSTANCE_PROBES);

        Map<String, String> ours = ourPasswords(config);

        assertThat(ours).isEqualTo(keepalivedPasswords(config))
                .containsEntry("VI_1", "ab").containsEntry("VI_3", "secret").containsKeys("VI_5", "VI_6");
    }

    private static String globalProbe(String probes) {
        return "global_defs {\n router_id r1\n smtp_server 127.0.0.1\n notification_email {\n" + probes
                + "\n }\n}\n" + INSTANCE;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> keepalivedNotificationWords(Path config) throws IOException, InterruptedException {
        List<String> log = lab.dump(config, CONFIG_ID);
        int start = log.indexOf(" Email notification to:");
        assertThat(start).as("notification list in %s", log).isNotNegative();
        // The list ends with the next global setting; other processes' messages may be interleaved.
        List<String> words = new ArrayList<>();
        for (String line : log.subList(start + 1, log.size())) {
            if (line.startsWith(" Default smtp_alert")) {
                return words;
            }
            if (line.startsWith("   ") && !line.startsWith("    ")) {
                words.add(line.substring(3));
            }
        }
        throw new AssertionError("end of the notification list not found in " + log);
    }

    private static List<String> ourNotificationWords(Path config) {
        List<String> words = new ArrayList<>();
        for (ConfigNode node : read(config)) {
            if (node.keyword().equals("global_defs")) {
                node.children().stream().filter(n -> n.keyword().equals("notification_email"))
                        .forEach(n -> n.children().forEach(line -> words.addAll(line.words())));
            }
        }
        return words;
    }

    private static Map<String, String> keepalivedPasswords(Path config) throws IOException, InterruptedException {
        Map<String, String> passwords = new LinkedHashMap<>();
        String instance = null;
        for (String line : lab.dump(config, CONFIG_ID)) {
            if (line.startsWith(" VRRP Instance = ")) {
                instance = line.substring(" VRRP Instance = ".length());
            } else if (line.startsWith("   Password = ") && instance != null) {
                passwords.put(instance, line.substring("   Password = ".length()));
            }
        }
        return passwords;
    }

    private static Map<String, String> ourPasswords(Path config) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (ConfigNode node : read(config)) {
            if (node.keyword().equals("vrrp_instance") && node.isBlock()) {
                node.children().stream().filter(n -> n.keyword().equals("authentication") && n.isBlock())
                        .flatMap(n -> n.children().stream()).filter(n -> n.keyword().equals("auth_pass"))
                        .forEach(n -> passwords.put(node.arg(0), n.arg(0)));
            }
        }
        return passwords;
    }

    private static List<ConfigNode> read(Path config) {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> tree = ConfigReader.read(config, new ReaderOptions(CONFIG_ID), diagnostics);
        assertThat(diagnostics.all()).noneMatch(d -> d.severity() == Severity.FATAL);
        return tree;
    }
}
