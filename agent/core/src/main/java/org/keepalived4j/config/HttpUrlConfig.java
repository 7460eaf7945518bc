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

    /** The compiled regex, with the PCRE2 options that java.util.regex has (caseless, dotall, extended, multiline, utf). */
    public java.util.regex.Pattern compiledRegex() {
        int flags = 0;
        for (String option : regexOptions) {
            flags |= switch (option) {
                case "caseless" -> java.util.regex.Pattern.CASE_INSENSITIVE;
                case "dotall" -> java.util.regex.Pattern.DOTALL;
                case "extended" -> java.util.regex.Pattern.COMMENTS;
                case "multiline" -> java.util.regex.Pattern.MULTILINE;
                case "ucp", "utf" -> java.util.regex.Pattern.UNICODE_CHARACTER_CLASS | java.util.regex.Pattern.UNICODE_CASE;
                default -> 0;
            };
        }
        return java.util.regex.Pattern.compile(regex, flags);
    }

    /** An inclusive range of HTTP status codes. */
    public record StatusRange(int min, int max) {
    }
}
