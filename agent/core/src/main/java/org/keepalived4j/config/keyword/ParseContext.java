package org.keepalived4j.config.keyword;

import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.SystemProbe;
import org.keepalived4j.config.read.ConfigNode;

/**
 * What every section parser needs while it reads: where to report problems, what the machine
 * looks like, and the few global facts that change how later lines are read (keepalived reads
 * the file in order, so {@code dynamic_interfaces} only affects the lines after it).
 */
public final class ParseContext {

    private final Diagnostics diagnostics;
    private final SystemProbe probe;
    private boolean dynamicInterfaces;
    private boolean nonExistentInterface;
    private java.util.function.Predicate<SourceLocation> defaultScriptUser = at -> true;

    public ParseContext(Diagnostics diagnostics, SystemProbe probe) {
        this.diagnostics = diagnostics;
        this.probe = probe;
    }

    /**
     * How scripts that name no user get keepalived's default one (global {@code script_user},
     * else {@code keepalived_script}): {@code usable} answers, and reports once, whether it can
     * be set for a script read at {@code at}. Set by the section being read.
     */
    public void defaultScriptUser(java.util.function.Predicate<SourceLocation> usable) {
        defaultScriptUser = usable;
    }

    /**
     * Whether a script read at {@code at} can run: it names its {@code user}, or names none
     * ({@code null}) and the default user can be set for it.
     */
    public boolean scriptUserUsable(String user, SourceLocation at) {
        return user != null || defaultScriptUser.test(at);
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public SystemProbe probe() {
        return probe;
    }

    /** Value readers for one line. */
    public Args args(ConfigNode node) {
        return new Args(node, diagnostics);
    }

    public void info(ConfigNode at, String subject, String message) {
        diagnostics.info(at == null ? null : at.location(), subject, message);
    }

    public void warning(ConfigNode at, String message) {
        diagnostics.warning(at.location(), message);
    }

    public void error(ConfigNode at, String message) {
        diagnostics.error(at.location(), message);
    }

    /** keepalived's "Unknown keyword": the line (and any block it opens) had no effect. */
    public void unknownKeyword(ConfigNode line) {
        diagnostics.unknownKeyword(line.location(), line.keyword());
    }

    public void warning(ConfigNode at, String subject, String message) {
        diagnostics.warning(at == null ? null : at.location(), subject, message);
    }

    public void error(ConfigNode at, String subject, String message) {
        diagnostics.error(at == null ? null : at.location(), subject, message);
    }

    /** An error found when {@code block} ends: keepalived reports it at the closing brace's line. */
    public void errorAtEnd(ConfigNode block, String subject, String message) {
        diagnostics.error(block.end(), subject, message);
    }

    /** A warning found when {@code block} ends, reported at the closing brace's line. */
    public void warningAtEnd(ConfigNode block, String subject, String message) {
        diagnostics.warning(block.end(), subject, message);
    }

    /**
     * The argument at {@code index}; when it is missing keepalived stops reading the
     * configuration at once, so this reports a fatal diagnostic and aborts the parse.
     */
    public String param(ConfigNode node, int index) {
        if (index < node.args().size()) {
            return node.args().get(index);
        }
        diagnostics.missingParameter(node.location(), node.words(), index);
        throw new ConfigAbortedException();
    }

    /** {@code dynamic_interfaces} was given: interfaces that do not exist yet are accepted. */
    public void dynamicInterfaces(boolean value) {
        this.dynamicInterfaces = value;
    }

    public boolean dynamicInterfaces() {
        return dynamicInterfaces;
    }

    /**
     * Looks an interface up as keepalived does for instance, VIP, route and tracking
     * interfaces: it must exist unless {@code dynamic_interfaces} is set; a missing one is
     * remembered, since keepalived then refuses the whole configuration.
     */
    public boolean interfaceUsable(String name) {
        if (probe.interfaceExists(name) || dynamicInterfaces) {
            return true;
        }
        nonExistentInterface = true;
        return false;
    }

    /** An interface lookup that neither creates nor condemns (keepalived's IF_NO_CREATE). */
    public boolean interfaceExists(String name) {
        return probe.interfaceExists(name);
    }

    /** Whether some line named an interface that does not exist. */
    public boolean nonExistentInterface() {
        return nonExistentInterface;
    }
}
