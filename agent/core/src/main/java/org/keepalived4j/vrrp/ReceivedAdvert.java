package org.keepalived4j.vrrp;

import org.keepalived4j.vrrp.packet.VrrpDecodeResult;

/**
 * A received VRRP datagram, decoded, on its way to the instance its VRID selects. Immutable:
 * the same object stands for every repeat of an advert (see {@link AdvertMemo}).
 *
 * @param result what the decoder made of the bytes (a packet, or why not)
 * @param multicastDestination whether it was addressed to a multicast group
 */
record ReceivedAdvert(VrrpDecodeResult result, boolean multicastDestination) {
}
