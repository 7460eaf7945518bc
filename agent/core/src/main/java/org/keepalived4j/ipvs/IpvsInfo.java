package org.keepalived4j.ipvs;

/**
 * The kernel's answer to IPVS_CMD_GET_INFO.
 *
 * @param version IPVS_INFO_ATTR_VERSION, coded as IP_VS_VERSION_CODE (0x010201 is 1.2.1)
 * @param connectionTableSize IPVS_INFO_ATTR_CONN_TAB_SIZE
 */
public record IpvsInfo(int version, int connectionTableSize) {

    /** The version as ipvsadm prints it, e.g. "1.2.1". */
    public String versionString() {
        return ((version >> 16) & 0xff) + "." + ((version >> 8) & 0xff) + "." + (version & 0xff);
    }
}
