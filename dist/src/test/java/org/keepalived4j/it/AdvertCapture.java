package org.keepalived4j.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VRRP adverts one namespace's interface sends and receives, timed by tcpdump
 * ({@code -tt}, microseconds). Frames from the flooding host are left out: there are too many
 * and the fault checks need only the nodes' own.
 */
final class AdvertCapture implements AutoCloseable {

    /** One advert on the wire: when, from whom, for which VRID, at what priority. */
    record Advert(long micros, String source, int vrid, int priority) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\d+)\\.(\\d{6}) IP (\\S+) > \\S+: VRRPv\\d, Advertisement, vrid (\\d+), prio (\\d+)");

    private final List<Advert> adverts = new CopyOnWriteArrayList<>();
    private final LineStream stream;

    AdvertCapture(String ns, String dev, String ignoredSource) {
        stream = new LineStream("adverts-" + ns, List.of("ip", "netns", "exec", ns, "tcpdump", "-i", dev, "-n",
                "-tt", "-l", "-U", "ip proto 112 and not src host " + ignoredSource), Map.of(), line -> {
                    Advert a = parse(line);
                    if (a != null) {
                        adverts.add(a);
                    }
                });
        stream.awaitLine("listening on", Duration.ofSeconds(10));
    }

    static Advert parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return null;
        }
        return new Advert(Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)), m.group(3),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }

    List<Advert> adverts() {
        return List.copyOf(adverts);
    }

    @Override
    public void close() {
        stream.close();
    }
}
