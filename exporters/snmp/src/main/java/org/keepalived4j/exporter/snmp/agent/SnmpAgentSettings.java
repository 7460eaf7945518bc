package org.keepalived4j.exporter.snmp.agent;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;
import org.snmp4j.smi.OctetString;

/**
 * The {@code keepalived4j_snmp} block: keepalived4j's own SNMP agent and notification sinks,
 * written with net-snmp's snmpd.conf(5) directive names and argument order.
 *
 * <pre>
 * keepalived4j_snmp {
 *     agentaddress udp:127.0.0.1:161,udp6:[::1]:161   # none: no agent (the sinks still work)
 *     rocommunity public 10.0.0.0/8        # COMMUNITY [SOURCE [OID]]; rocommunity6 for IPv6 requests
 *     createUser monitor SHA-256 authpass AES privpass
 *     rouser monitor priv                  # USER [noauth|auth|priv [OID]], default auth
 *     engineID keepalived-lb1              # the engine ID net-snmp builds from this text; default: the host name
 *     trapcommunity public                 # community of later community-less sink lines (default public)
 *     trapsink 192.0.2.9 public            # SNMPv1 traps
 *     trap2sink 192.0.2.10:162 public      # SNMPv2c traps
 *     informsink 192.0.2.11:162 public     # SNMPv2c informs
 *     trapsess -v 3 -u monitor -l authPriv -a SHA-256 -A authpass -x AES -X privpass 192.0.2.12:162
 *     v1trapaddress 192.0.2.1              # agent-addr of SNMPv1 traps
 * }
 * </pre>
 *
 * <p>Every problem found is reported as {@code file:line: message}. {@link #toString()} shows no
 * community and no passphrase.
 */
public final class SnmpAgentSettings {

    static final String DEFAULT_TRAP_COMMUNITY = "public";
    private static final int AGENT_PORT = 161;
    private static final Map<String, String> REFUSED = Map.of(
            "rwcommunity", "the agent is read-only: use rocommunity",
            "rwcommunity6", "the agent is read-only: use rocommunity6",
            "rwuser", "the agent is read-only: use rouser",
            "com2sec", "VACM directives are not supported: use rocommunity",
            "group", "VACM directives are not supported: use rocommunity or rouser",
            "view", "VACM directives are not supported: restrict rocommunity or rouser to an OID",
            "access", "VACM directives are not supported: use rocommunity or rouser",
            "engineIDType", "not supported: set the engine ID with engineID TEXT",
            "engineIDNic", "not supported: set the engine ID with engineID TEXT",
            "authtrapenable", "authentication failure traps are not sent");

    private final List<SnmpAddress> agentAddresses = new ArrayList<>();
    private final List<CommunityAccess> communities = new ArrayList<>();
    private final List<UsmUserSettings> users = new ArrayList<>();
    private final List<UserAccess> userAccess = new ArrayList<>();
    private final List<SinkSettings> sinks = new ArrayList<>();
    private OctetString engineId;
    private InetAddress v1TrapAddress;

    private SnmpAgentSettings() {
    }

    /** Reads the block; every problem found is added to {@code problems}, starting with {@code file:line}. */
    public static SnmpAgentSettings parse(Settings block, List<String> problems) {
        SnmpAgentSettings s = new SnmpAgentSettings();
        String trapCommunity = DEFAULT_TRAP_COMMUNITY;
        for (Setting line : block.entries()) {
            switch (line.keyword()) {
                case "agentaddress" -> s.agentAddresses(line, problems);
                case "rocommunity", "rocommunity6" -> add(s.communities, CommunityAccess.parse(line, problems));
                case "createUser" -> s.addUser(line, problems);
                case "rouser" -> add(s.userAccess, UserAccess.parse(line, problems));
                case "trapcommunity" -> trapCommunity = single(line, problems).orElse(trapCommunity);
                case "trapsink", "trap2sink", "informsink" ->
                        add(s.sinks, SinkSettings.parseSink(line, trapCommunity, problems));
                case "trapsess" -> add(s.sinks, TrapSessionOptions.parse(line, problems));
                case "engineID" -> single(line, problems).ifPresent(t -> s.engineId(line, t, problems));
                case "v1trapaddress" -> single(line, problems).ifPresent(t -> s.v1TrapAddress(line, t, problems));
                default -> problems.add(line.source() + ": " + (REFUSED.containsKey(line.keyword())
                        ? line.keyword() + ": " + REFUSED.get(line.keyword())
                        : "unknown directive '" + line.keyword() + "' in " + block.name()));
            }
        }
        s.checkUsers(problems);
        s.checkAgent(block, problems);
        return s;
    }

    /**
     * A line of the block as {@code -t -D} shows it: every community and passphrase replaced by
     * {@link Settings#MASK}, wherever net-snmp's syntax puts it.
     */
    public static List<String> shown(Setting line) {
        List<String> args = new ArrayList<>(line.args());
        switch (line.keyword()) {
            case "rocommunity", "rocommunity6", "trapcommunity" -> mask(args, 0);
            case "createUser" -> {
                mask(args, 2);
                mask(args, 4);
            }
            case "trapsink", "trap2sink", "informsink" -> {
                int host = 0;
                while (host < args.size() && args.get(host).startsWith("-")) {
                    host += args.get(host).length() == 2 ? 2 : 1;
                }
                mask(args, host + 1);
            }
            case "trapsess" -> {
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    if (a.equals("-c") || a.equals("-A") || a.equals("-X")) {
                        mask(args, i + 1);
                        i++;
                    } else if (a.length() > 2 && (a.startsWith("-c") || a.startsWith("-A") || a.startsWith("-X"))) {
                        args.set(i, a.substring(0, 2) + Settings.MASK);
                    }
                }
            }
            default -> {
                if (Settings.namesSecret(line.keyword())) {
                    return List.of(Settings.MASK);
                }
            }
        }
        return args;
    }

    private static void mask(List<String> args, int index) {
        if (index < args.size()) {
            args.set(index, Settings.MASK);
        }
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }

    private static Optional<String> single(Setting line, List<String> problems) {
        if (line.args().size() != 1) {
            problems.add(line.source() + ": " + line.keyword() + " takes exactly one value");
            return Optional.empty();
        }
        return line.value();
    }

    private void agentAddresses(Setting line, List<String> problems) {
        if (line.args().isEmpty()) {
            problems.add(line.source() + ": agentaddress: expected [TRANSPORT:]ADDRESS[,...]");
        }
        for (String part : String.join(",", line.args()).split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                agentAddresses.add(SnmpAddress.parse(part, AGENT_PORT, true));
            } catch (IllegalArgumentException e) {
                problems.add(line.source() + ": agentaddress: " + e.getMessage());
            }
        }
    }

    private void addUser(Setting line, List<String> problems) {
        UsmUserSettings user = UsmUserSettings.parseCreateUser(line, problems);
        if (user != null && users.stream().anyMatch(u -> u.name().equals(user.name()))) {
            problems.add(line.source() + ": createUser: user '" + user.name() + "' is already defined");
        } else if (user != null) {
            users.add(user);
        }
    }

    private void engineId(Setting line, String text, List<String> problems) {
        try {
            engineId = EngineIds.fromText(text);
        } catch (IllegalArgumentException e) {
            problems.add(line.source() + ": engineID: " + e.getMessage());
        }
    }

    private void v1TrapAddress(Setting line, String text, List<String> problems) {
        try {
            if (!text.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                throw new UnknownHostException(text);
            }
            v1TrapAddress = (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            problems.add(line.source() + ": v1trapaddress: expected an IPv4 address, got '" + text + "'");
        }
    }

    private void checkUsers(List<String> problems) {
        for (UserAccess a : userAccess) {
            Optional<UsmUserSettings> u = users.stream().filter(x -> x.name().equals(a.user())).findFirst();
            if (u.isEmpty()) {
                problems.add(a.source() + ": rouser: no createUser line defines user '" + a.user() + "'");
            } else if (u.get().maxLevel().compareTo(a.minLevel()) < 0) {
                problems.add(a.source() + ": rouser: user '" + a.user() + "' needs level " + a.minLevel()
                        + " but its createUser line gives it only " + u.get().maxLevel());
            }
        }
    }

    private void checkAgent(Settings block, List<String> problems) {
        if (agentAddresses.isEmpty() && !(communities.isEmpty() && userAccess.isEmpty())) {
            problems.add(block.source() + ": rocommunity and rouser need an agentaddress (without one there is no agent)");
        }
        if (!agentAddresses.isEmpty() && communities.isEmpty() && userAccess.isEmpty()) {
            problems.add(block.source() + ": agentaddress without rocommunity or rouser: the agent would refuse everyone");
        }
    }

    /** Whether an agent should listen (at least one agentaddress). */
    public boolean agentEnabled() {
        return !agentAddresses.isEmpty();
    }

    /** Whether any trap or inform sink is configured. */
    public boolean hasSinks() {
        return !sinks.isEmpty();
    }

    List<SnmpAddress> agentAddresses() {
        return List.copyOf(agentAddresses);
    }

    List<CommunityAccess> communities() {
        return List.copyOf(communities);
    }

    List<UsmUserSettings> users() {
        return List.copyOf(users);
    }

    List<UserAccess> userAccess() {
        return List.copyOf(userAccess);
    }

    List<SinkSettings> sinks() {
        return List.copyOf(sinks);
    }

    /** The engine ID an {@code engineID} line asks for. */
    Optional<OctetString> engineId() {
        return Optional.ofNullable(engineId);
    }

    Optional<InetAddress> v1TrapAddress() {
        return Optional.ofNullable(v1TrapAddress);
    }

    @Override
    public String toString() {
        return "agent " + (agentAddresses.isEmpty() ? "off" : agentAddresses.toString()) + ", " + communities.size()
                + " communities, users " + users + ", " + userAccess + ", sinks " + sinks
                + (engineId == null ? "" : ", engine " + EngineIds.hex(engineId));
    }
}
