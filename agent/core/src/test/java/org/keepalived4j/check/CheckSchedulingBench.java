package org.keepalived4j.check;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.ipvs.InMemoryIpvsClient;

/**
 * Benchmark: N real servers (TCP_CHECK, delay_loop 1 s) against listeners on this machine.
 * Prints checks per second, schedule lag percentiles, event-loop CPU per check and memory.
 * Run it with bench/check-scheduling.sh (inside a network namespace of its own).
 */
public final class CheckSchedulingBench {

    private CheckSchedulingBench() {
    }

    /** Lag samples, kept per event-loop thread (each thread appends only to its own array). */
    private static final class Samples implements LagRecorder {
        private final List<long[][]> all = new ArrayList<>();
        private final ThreadLocal<long[][]> local = ThreadLocal.withInitial(() -> {
            long[][] holder = {new long[1 << 16], {0}};
            synchronized (this) {
                all.add(holder);
            }
            return holder;
        });
        final AtomicLong checks = new AtomicLong();
        volatile boolean recording;

        @Override
        public void record(long lagNanos, long durationNanos) {
            checks.incrementAndGet();
            if (!recording) {
                return;
            }
            long[][] h = local.get();
            int n = (int) h[1][0];
            if (n == h[0].length) {
                h[0] = Arrays.copyOf(h[0], n * 2);
            }
            h[0][n] = lagNanos;
            h[1][0] = n + 1;
        }

        synchronized long[] sorted() {
            int total = all.stream().mapToInt(h -> (int) h[1][0]).sum();
            long[] out = new long[total];
            int i = 0;
            for (long[][] h : all) {
                System.arraycopy(h[0], 0, out, i, (int) h[1][0]);
                i += (int) h[1][0];
            }
            Arrays.sort(out);
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int perVs = 100;
        int ports = perVs;
        EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        List<Channel> listeners = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            listeners.add(new ServerBootstrap().group(serverGroup).channel(EpollServerSocketChannel.class)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(ChannelHandlerContext ctx) {
                            ctx.close();
                        }

                        @Override
                        public boolean isSharable() {
                            return true;
                        }
                    }).bind(20000 + p).sync().channel());
        }
        StringBuilder conf = new StringBuilder();
        for (int v = 0; v * perVs < servers; v++) {
            conf.append("virtual_server 10.250.").append(v / 250).append('.').append(v % 250 + 1)
                    .append(" 80 {\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n delay_loop 1\n connect_timeout 3\n");
            for (int r = 0; r < perVs && v * perVs + r < servers; r++) {
                conf.append(" real_server 127.").append(1 + v / 250).append('.').append(v % 250).append(".1 ")
                        .append(20000 + r).append(" {\n  TCP_CHECK {\n  }\n }\n");
            }
            conf.append("}\n");
        }
        LvsParsing.Result parsed = LvsParsing.parse(conf.toString());
        Samples samples = new Samples();
        LvsService service = new LvsService(parsed.lvs().virtualServers(), LvsSettings.DEFAULTS,
                new InMemoryIpvsClient(false), e -> { }, Clock.systemUTC(), samples);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        service.start();
        Thread.sleep(3000);
        long cpuBefore = loopCpu(threads);
        long processCpuBefore = processCpu();
        long checksBefore = samples.checks.get();
        long t0 = System.nanoTime();
        samples.recording = true;
        Thread.sleep(seconds * 1000L);
        samples.recording = false;
        long elapsed = System.nanoTime() - t0;
        long checks = samples.checks.get() - checksBefore;
        long cpu = loopCpu(threads) - cpuBefore;
        long processCpu = processCpu() - processCpuBefore;
        long up = service.virtualServers().stream().mapToLong(vs -> vs.realServersUp()).sum();
        System.gc();
        Thread.sleep(500);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] lag = samples.sorted();
        System.out.printf("real servers          %d (alive %d), delay_loop 1 s, %d event-loop threads%n", servers, up,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("measured              %.1f s, %d checks, %.0f checks/s (expected %d/s)%n", elapsed / 1e9,
                checks, checks / (elapsed / 1e9), servers);
        System.out.printf("schedule lag          p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                pct(lag, 0.50), pct(lag, 0.99), pct(lag, 0.999), lag.length == 0 ? 0 : lag[lag.length - 1] / 1e6);
        System.out.printf("event-loop CPU        %.1f us per check (%.0f%% of one core)%n", cpu / 1e3 / checks,
                100.0 * cpu / elapsed);
        System.out.printf("process CPU           %.1f us per check incl. the listeners and GC (%.0f%% of one core)%n",
                processCpu / 1e3 / checks, 100.0 * processCpu / elapsed);
        System.out.printf("heap after GC         %.1f MiB; RSS %s%n", heap / 1048576.0, rss());
        service.close();
        listeners.forEach(Channel::close);
        serverGroup.shutdownGracefully();
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static long loopCpu(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("lvs-check")) {
                total += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return total;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }
}
