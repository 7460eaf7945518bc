package org.keepalived4j.ipvs;

/** Names and glibc texts of the errno values the kernel's IPVS and netlink code return. */
final class Errno {

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EEXIST = 17;
    static final int EINVAL = 22;

    private Errno() {
    }

    /** "File exists (EEXIST)"; unknown values as "errno 123". */
    static String describe(int errno) {
        String[] known = lookup(errno);
        return known == null ? "errno " + errno : known[1] + " (" + known[0] + ")";
    }

    private static String[] lookup(int errno) {
        switch (errno) {
            case 1: return new String[] {"EPERM", "Operation not permitted"};
            case 2: return new String[] {"ENOENT", "No such file or directory"};
            case 3: return new String[] {"ESRCH", "No such process"};
            case 4: return new String[] {"EINTR", "Interrupted system call"};
            case 5: return new String[] {"EIO", "Input/output error"};
            case 11: return new String[] {"EAGAIN", "Resource temporarily unavailable"};
            case 12: return new String[] {"ENOMEM", "Cannot allocate memory"};
            case 13: return new String[] {"EACCES", "Permission denied"};
            case 16: return new String[] {"EBUSY", "Device or resource busy"};
            case 17: return new String[] {"EEXIST", "File exists"};
            case 19: return new String[] {"ENODEV", "No such device"};
            case 22: return new String[] {"EINVAL", "Invalid argument"};
            case 34: return new String[] {"ERANGE", "Numerical result out of range"};
            case 71: return new String[] {"EPROTO", "Protocol error"};
            case 90: return new String[] {"EMSGSIZE", "Message too long"};
            case 93: return new String[] {"EPROTONOSUPPORT", "Protocol not supported"};
            case 95: return new String[] {"EOPNOTSUPP", "Operation not supported"};
            case 97: return new String[] {"EAFNOSUPPORT", "Address family not supported by protocol"};
            case 105: return new String[] {"ENOBUFS", "No buffer space available"};
            default: return null;
        }
    }
}
