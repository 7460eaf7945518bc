package org.keepalived4j.exporter.snmp.vrrp;

import org.keepalived4j.model.ScriptLine;
import org.snmp4j.smi.OctetString;

/**
 * A script as keepalived's tables show it: each word in single quotes, separated by one space
 * ({@code '/usr/bin/echo' 'group' 'master'}); a first word that is a redirection ({@code <},
 * {@code >}, keepalived's file-existence idiom) goes unquoted.
 */
final class CommandText {

    private CommandText() {
    }

    /** The script's text, or {@code null} (not served) when there is no script. */
    static OctetString of(ScriptLine script) {
        if (script == null) {
            return null;
        }
        return new OctetString(script.quotedWords());
    }
}
