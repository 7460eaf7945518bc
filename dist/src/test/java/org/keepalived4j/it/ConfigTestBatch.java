package org.keepalived4j.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.KeepalivedConfigParser;
import org.keepalived4j.config.LocalSystemProbe;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.ConfigReader;
import org.keepalived4j.config.read.ReaderOptions;
import org.keepalived4j.daemon.Main;

/**
 * {@code keepalived4j -t -f FILE} for many files in one JVM: run in the corpus's directory
 * inside the test's network namespace by {@link ConfigTestCorpusIT}. Reads file names (one a
 * line) from the file named by its argument and prints, for each, a header line
 * {@code @@ STATUS FILE} followed by what the run printed. STATUS is the exit status, or
 * {@code CRASH} (an exception escaped; its trace follows) or {@code HANG} (no answer in 20 s).
 */
public final class ConfigTestBatch {

    private ConfigTestBatch() {
    }

    /** " ns=NAME" when the file sets {@code net_namespace} (after its conditionals), else "". */
    private static String namespace(String file) {
        try {
            Diagnostics ignored = new Diagnostics();
            List<ConfigNode> nodes = ConfigReader.read(Path.of(file), ReaderOptions.defaults(), ignored);
            String ns = new KeepalivedConfigParser(new LocalSystemProbe()).parse(nodes, ignored).config().global()
                    .netNamespace();
            return ns == null ? "" : " ns=" + ns;
        } catch (RuntimeException e) {
            return "";
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> files = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "config-test");
            t.setDaemon(true);
            return t;
        });
        PrintStream stdout = System.out;
        for (String file : files) {
            if (file.isBlank()) {
                continue;
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream captured = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            Future<Integer> run = runner.submit(() -> Main.run(new String[] {"-t", "-f", file}, captured, captured));
            String status;
            try {
                status = Integer.toString(run.get(20, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                run.cancel(true);
                runner.shutdownNow();
                runner = Executors.newSingleThreadExecutor();
                status = "HANG";
            } catch (java.util.concurrent.ExecutionException e) {
                e.getCause().printStackTrace(captured);
                status = "CRASH";
            }
            stdout.println("@@ " + status + " " + file + namespace(file));
            stdout.print(buffer.toString(StandardCharsets.UTF_8));
            stdout.flush();
        }
        runner.shutdownNow();
        System.exit(0);
    }
}
