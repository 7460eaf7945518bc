/**
 * The VRRP part of keepalived.conf: {@code vrrp_instance} and {@code vrrp_sync_group}, what they
 * track ({@code vrrp_script}, {@code track_file}, {@code vrrp_track_process},
 * {@code bfd_instance}), {@code garp_group}, and the static blocks of the global part
 * ({@code static_ipaddress}, {@code static_routes}, {@code static_rules}, {@code track_group},
 * {@code linkbeat_interfaces}, {@code interface_up_down_delays}), which share the address,
 * route and rule lines with an instance's {@code virtual_*} blocks.
 *
 * <p>Where a keyword is read: {@link org.keepalived4j.config.vrrp.VrrpSection} receives each of
 * these top-level blocks and hands it to its parser:
 * {@link org.keepalived4j.config.vrrp.VrrpInstanceParser} with
 * {@link org.keepalived4j.config.vrrp.InstanceOptionKeywords} and
 * {@link org.keepalived4j.config.vrrp.VmacKeywords} for an instance,
 * {@link org.keepalived4j.config.vrrp.SyncGroupParser},
 * {@link org.keepalived4j.config.vrrp.TrackEntries} for the {@code track_*} blocks of both,
 * {@link org.keepalived4j.config.vrrp.AddressLineParser},
 * {@link org.keepalived4j.config.vrrp.RouteLineParser},
 * {@link org.keepalived4j.config.vrrp.RuleLineParser} and
 * {@link org.keepalived4j.config.vrrp.UnicastPeerLines} for the lines of address, route, rule
 * and peer blocks, {@link org.keepalived4j.config.vrrp.StaticSectionsParser} for the static
 * blocks, and {@link org.keepalived4j.config.vrrp.VrrpScriptParser},
 * {@link org.keepalived4j.config.vrrp.TrackFileParser},
 * {@link org.keepalived4j.config.vrrp.TrackProcessParser},
 * {@link org.keepalived4j.config.vrrp.BfdInstanceParser} and
 * {@link org.keepalived4j.config.vrrp.GarpGroupParser}. Instances and sync groups are read into
 * drafts ({@link org.keepalived4j.config.vrrp.InstanceDraft},
 * {@code SyncGroupParser.Draft}) because keepalived derives their values from each other and
 * from global_defs afterwards.
 *
 * <p>Where it is checked: the line checks are in the parsers; once the whole file is read,
 * {@link org.keepalived4j.config.vrrp.VrrpValidator} runs keepalived's post-parse checks in
 * its order: {@link org.keepalived4j.config.vrrp.ScriptSecurityCheck} (with
 * {@link org.keepalived4j.config.vrrp.ScriptUsers}),
 * {@link org.keepalived4j.config.vrrp.InstanceCompletion} and
 * {@link org.keepalived4j.config.vrrp.InstanceAssembly} (defaults from global_defs, strict
 * mode, VRRP version, VMAC), {@link org.keepalived4j.config.vrrp.SyncGroupCompletion} and
 * {@link org.keepalived4j.config.vrrp.TrackingAdjustment}, then duplicate VRIDs.
 * {@link org.keepalived4j.config.vrrp.StaticTrackGroups} resolves {@code track_group} members.
 *
 * <p>Where it is applied: the {@link org.keepalived4j.config.VrrpInstanceConfig}s,
 * {@link org.keepalived4j.config.SyncGroupConfig}s and tracked objects
 * ({@link org.keepalived4j.config.VrrpScriptConfig},
 * {@link org.keepalived4j.config.TrackFileConfig},
 * {@link org.keepalived4j.config.TrackProcessConfig},
 * {@link org.keepalived4j.config.BfdInstanceConfig}) run the VRRP engine ({@code vrrp}: the
 * instances, sync groups and trackers) and appear in the read model ({@code state}). The static
 * blocks, {@code garp_group}, {@code linkbeat_interfaces} and {@code interface_up_down_delays}
 * are read and checked with keepalived's diagnostics, and kept in
 * {@link org.keepalived4j.config.KeepalivedConfig}; no subsystem applies them.
 */
package org.keepalived4j.config.vrrp;
