package org.keepalived4j.exporter.snmp.global;

import java.util.List;
import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.StateSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * KEEPALIVED-MIB's global scalars (version, routerId, mail, trapEnable...) with the values
 * keepalived 2.2.7 serves for them (its core/snmp.c, snmp_scalar): an unset SMTP server shows as
 * type 2 with four zero bytes, port and timeout 0 and no emailFrom; TruthValue-like enums are 1
 * for yes and 2 for no; smtpAlert* are unset(3) until configured.
 *
 * <p>keepalived serves the subtree from one process: the checker when it runs with
 * {@code enable_snmp_checker}, else the VRRP process when it runs with {@code enable_snmp_vrrp};
 * with neither, no process registers it. {@link #served} says the same of a snapshot, and the
 * section adds nothing when keepalived would serve nothing.
 */
public final class GlobalSection implements MibSection {

    /** KEEPALIVED-MIB's global subtree. */
    public static final OID ROOT = new OID("1.3.6.1.4.1.9586.100.5.1");

    /** {@code routerId.0}: the last object of every KEEPALIVED-MIB notification. */
    public static final OID ROUTER_ID = scalar(2);

    private static final OID MAIL = new OID(ROOT).append(3);
    private static final OID EMAIL_ADDRESS = new OID(MAIL).append("5.1.2");

    @Override
    public OID root() {
        return new OID(ROOT);
    }

    /**
     * Whether keepalived would serve the global scalars for this state: its VRRP process runs
     * (there are VRRP instances) with {@code enable_snmp_vrrp}, or its checker process runs (there
     * are virtual servers) with {@code enable_snmp_checker}.
     */
    public static boolean served(StateSnapshot state) {
        GlobalSettings g = state.daemon().settings();
        return g.snmpVrrp() && !state.vrrpInstances().isEmpty()
                || g.snmpChecker() && !state.virtualServers().isEmpty();
    }

    /** routerId as notifications carry it (empty if the daemon has none). */
    public static OctetString routerId(StateSnapshot state) {
        String id = state.daemon().routerId();
        return new OctetString(id == null ? "" : id);
    }

    @Override
    public void collect(StateSnapshot state, SortedMap<OID, Variable> out) {
        if (!served(state)) {
            return;
        }
        GlobalSettings g = state.daemon().settings();
        out.put(scalar(1), new OctetString("keepalived4j " + state.daemon().version()));
        if (state.daemon().routerId() != null) {
            out.put(ROUTER_ID, routerId(state));
        }
        mail(g.mail(), out);
        out.put(scalar(4), yesNo(g.trapsEnabled()));
        out.put(scalar(5), new Integer32(g.linkbeatPolling() ? 2 : 1));
        out.put(scalar(6), yesNo(g.lvsFlush()));
        // keepalived4j reads IPVS's 64-bit counters (realServerStatsConns64...)
        out.put(scalar(7), yesNo(true));
        out.put(scalar(8), new OctetString(g.netNamespace() == null ? "" : g.netNamespace()));
        // there is no DBus interface
        out.put(scalar(9), yesNo(false));
        out.put(scalar(10), yesNo(g.dynamicInterfaces()));
        out.put(scalar(11), new Integer32(flushOnStop(g.lvsFlushOnStop())));
    }

    private static void mail(MailSettings m, SortedMap<OID, Variable> out) {
        boolean configured = m.server() != null;
        InetAddressValue server = configured ? InetAddressValue.of(m.serverAddress()) : InetAddressValue.UNSET;
        out.put(mail(1), server.type());
        out.put(mail(2), server.address());
        out.put(mail(3), new UnsignedInteger32(configured ? m.connectTimeout().toSeconds() : 0));
        if (configured && m.from() != null) {
            out.put(mail(4), new OctetString(m.from()));
        }
        List<String> recipients = m.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            out.put(new OID(EMAIL_ADDRESS).append(i + 1), new OctetString(recipients.get(i)));
        }
        out.put(mail(6), new UnsignedInteger32(configured ? m.port() : 0));
        out.put(mail(7), yesNo(m.emailFaults()));
        out.put(mail(8), onOffUnset(m.alert()));
        out.put(mail(9), onOffUnset(m.alertVrrp()));
        out.put(mail(10), onOffUnset(m.alertChecker()));
    }

    private static int flushOnStop(String mode) {
        if ("full".equals(mode)) {
            return 1;
        }
        return "vs".equals(mode) ? 3 : 2;
    }

    private static Integer32 yesNo(boolean value) {
        return new Integer32(value ? 1 : 2);
    }

    private static Integer32 onOffUnset(Boolean value) {
        return new Integer32(value == null ? 3 : value ? 1 : 2);
    }

    private static OID scalar(int id) {
        return new OID(ROOT).append(id).append(0);
    }

    private static OID mail(int id) {
        return new OID(MAIL).append(id).append(0);
    }
}
