package org.keepalived4j.config;

import java.util.List;
import java.util.Set;

/**
 * One {@code url} block of HTTP_GET / SSL_GET.
 *
 * @param path the path requested
 * @param digest the expected MD5 of the body (32 lower-case hex digits), or {@code null}
 * @param statusCodes the accepted status codes as inclusive ranges (default 200-299)
 * @param virtualhost the Host header for this url, or {@code null}
 * @param regex a regular expression the body must match, or {@code null}
 * @param regexNoMatch the check fails when the regex matches instead
 * @param regexOptions {@code regex_options} words
 * @param regexMinOffset {@code regex_min_offset}
 * @param regexMaxOffset {@code regex_max_offset} (0: none)
 */
public record HttpUrlConfig(String path, String digest, List<StatusRange> statusCodes, String virtualhost, String regex,
        boolean regexNoMatch, Set<String> regexOptions, long regexMinOffset, long regexMaxOffset) {

    /** keepalived's default when no {@code status_code} is given. */
    public static final List<StatusRange> DEFAULT_STATUS = List.of(new StatusRange(200, 299));

    public HttpUrlConfig {
        statusCodes = List.copyOf(statusCodes);
        regexOptions = Set.copyOf(regexOptions);
    }

    /** Whether a response with this status code passes. */
    public boolean accepts(int status) {
        for (StatusRange range : statusCodes) {
            if (status >= range.min() && status <= range.max()) {
                return true;
            }
        }
        return false;
    }

    /** An inclusive range of HTTP status codes. */
    public record StatusRange(int min, int max) {
    }
}
