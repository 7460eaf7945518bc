package org.keepalived4j.exporter.snmp.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.Snmp;
import org.snmp4j.TransportMapping;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TcpAddress;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultTcpTransportMapping;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * An snmp4j session with SNMPv1, v2c and v3 (USM) built from parts of its own: its own counter
 * support, protocol table and security models, never snmp4j's process-wide ones, so that the
 * agent and each sink (and anything else in the process using snmp4j) keep their users, engine
 * and counters apart.
 */
final class SnmpStack {

    private SnmpStack() {
    }

    /**
     * A session whose engine is {@code engineId} at {@code boots}, knowing {@code users}
     * (localized to an engine as {@code grant} allows), counting into {@code counters}. No
     * transport yet.
     */
    static Snmp create(OctetString engineId, int boots, List<UsmUserSettings> users, UsmUser.LocalizationGrant grant,
            CounterListener counters) {
        CounterSupport counterSupport = new CounterSupport();
        counterSupport.addCounterListener(counters);
        SecurityProtocols protocols = UsmAlgorithms.protocols();
        USM usm = new USM(protocols, engineId, boots, counterSupport);
        for (UsmUserSettings u : users) {
            usm.addUser(new OctetString(u.name()), u.toUsmUser(grant));
        }
        MPv3 mpv3 = new MPv3(engineId.getValue(), null, protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}), counterSupport);
        mpv3.setCurrentMsgID(firstMessageId(boots));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(mpv3);
        dispatcher.addCounterListener(counters);
        Snmp snmp = new Snmp(dispatcher);
        snmp.setCounterSupport(counterSupport);
        return snmp;
    }

    /**
     * The msgID of the first SNMPv3 message: snmp4j starts at random low 16 bits under the low 16
     * bits of the engine's boots, which is negative whenever bit 15 of boots is set, and net-snmp
     * drops every message with a negative msgID ("Received bad msgID"). Our boots count seconds,
     * so that was half of all starts. The sign bit is cleared; the rest stays as snmp4j makes it.
     */
    static int firstMessageId(int boots) {
        return MPv3.randomMsgID(boots) & Integer.MAX_VALUE;
    }

    /** Closes the session and its sockets; an error closing a socket that is going away changes nothing. */
    static void close(Snmp snmp) {
        try {
            snmp.close();
        } catch (IOException e) {
            // nothing to do: the session is gone either way
        }
    }

    /**
     * A transport bound to {@code address}: every address of the family when it names no host,
     * the first address of the family a host name resolves to otherwise. TCP ones accept
     * connections when {@code server}.
     */
    static TransportMapping<?> transport(SnmpAddress address, boolean server) throws IOException {
        InetAddress bind = resolve(address);
        if (address.transport().equals("tcp")) {
            return new DefaultTcpTransportMapping(new TcpAddress(bind, address.port()), server);
        }
        return new DefaultUdpTransportMapping(new UdpAddress(bind, address.port()), false);
    }

    /** {@code address}'s host, looked up now; the family's wildcard when it has none. */
    static InetAddress resolve(SnmpAddress address) throws IOException {
        if (!address.hasHost()) {
            return InetAddress.getByName(address.ipv6() ? "::" : "0.0.0.0");
        }
        for (InetAddress a : InetAddress.getAllByName(address.host())) {
            if (address.ipv6() == (a instanceof java.net.Inet6Address)) {
                return a;
            }
        }
        throw new IOException("'" + address.host() + "' has no " + (address.ipv6() ? "IPv6" : "IPv4") + " address");
    }
}
