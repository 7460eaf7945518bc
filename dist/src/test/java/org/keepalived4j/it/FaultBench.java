package org.keepalived4j.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * bench/faults.sh's driver: the fault suite's run with a longer plan, once per peer kind,
 * printing each report. Arguments: {@code --peers "keepalived4j keepalived" --kill-cycles N
 * --link-cycles N --loss-seconds S --flood-per-class N --flood-rate R --storm-rounds N
 * --out DIR --prefix P}. Exit status 1 when a run found a violation.
 */
public final class FaultBench {

    private FaultBench() {
    }

    public static void main(String[] argv) throws Exception {
        java.util.Map<String, String> args = new java.util.HashMap<>();
        for (int k = 0; k + 1 < argv.length; k += 2) {
            args.put(argv[k].replaceFirst("^--", ""), argv[k + 1]);
        }
        FaultScenarios.Plan plan = new FaultScenarios.Plan(Integer.parseInt(args.getOrDefault("kill-cycles", "5")),
                Integer.parseInt(args.getOrDefault("link-cycles", "5")),
                Integer.parseInt(args.getOrDefault("loss-seconds", "120")),
                Integer.parseInt(args.getOrDefault("flood-per-class", "5000")),
                Integer.parseInt(args.getOrDefault("flood-rate", "5000")),
                Integer.parseInt(args.getOrDefault("storm-rounds", "10")));
        Path out = Path.of(args.getOrDefault("out", "/tmp"));
        List<FaultReport> reports = new ArrayList<>();
        for (String peer : args.getOrDefault("peers", "keepalived4j keepalived").split(" ")) {
            Node.Kind kind = Node.Kind.valueOf(peer.toUpperCase());
            Path dir = Files.createDirectories(out.resolve(peer));
            FaultReport report = new FaultReport("bench/faults.sh: a keepalived4j, b " + peer + "; " + plan);
            reports.add(report);
            System.err.println("fault run with b " + peer + ": logs in " + dir);
            FaultRig rig = new FaultRig(args.getOrDefault("prefix", "bch"), dir, kind, report);
            Thread cleanup = new Thread(rig::close);
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                new FaultScenarios(rig, plan).run();
            } catch (RuntimeException e) {
                report.violation("the run stopped: " + e);
                e.printStackTrace();
            } finally {
                rig.close();
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
            report.print(System.out);
            System.out.println("verdict (b " + peer + "): " + (report.violations().isEmpty() ? "PASS"
                    : "FAIL, " + report.violations().size() + " violation(s)"));
            System.out.println();
        }
        System.exit(reports.stream().allMatch(r -> r.violations().isEmpty()) ? 0 : 1);
    }
}
