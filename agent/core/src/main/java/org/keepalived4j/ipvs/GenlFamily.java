package org.keepalived4j.ipvs;

/**
 * A generic-netlink family as the controller describes it.
 *
 * @param name CTRL_ATTR_FAMILY_NAME
 * @param id CTRL_ATTR_FAMILY_ID: the nlmsg_type of the family's messages
 * @param version CTRL_ATTR_VERSION
 * @param maxAttribute CTRL_ATTR_MAXATTR
 */
record GenlFamily(String name, int id, int version, int maxAttribute) {
}
