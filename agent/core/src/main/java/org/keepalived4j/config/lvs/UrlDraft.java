package org.keepalived4j.config.lvs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keepalived4j.config.HttpUrlConfig;

/** An HTTP_GET / SSL_GET url block while it is read. */
final class UrlDraft {

    String path;
    String digest;
    final List<HttpUrlConfig.StatusRange> statusCodes = new ArrayList<>();
    String virtualhost;
    String regex;
    boolean regexNoMatch;
    final Set<String> regexOptions = new LinkedHashSet<>();
    long regexMinOffset;
    long regexMaxOffset;

    HttpUrlConfig build() {
        return new HttpUrlConfig(path, digest, statusCodes.isEmpty() ? HttpUrlConfig.DEFAULT_STATUS : statusCodes,
                virtualhost, regex, regexNoMatch, regexOptions, regexMinOffset, regexMaxOffset);
    }
}
