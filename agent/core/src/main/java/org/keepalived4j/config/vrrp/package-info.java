/**
 * The VRRP part of keepalived.conf: {@code vrrp_instance} and {@code vrrp_sync_group}, what they
 * track ({@code vrrp_script}, {@code track_file}, {@code vrrp_track_process},
 * {@code bfd_instance}), {@code garp_group}, and the static blocks of the global part
 * ({@code static_ipaddress}, {@code static_routes}, {@code static_rules}, {@code track_group},
 * {@code linkbeat_interfaces}, {@code interface_up_down_delays}), which share the address, route
 * and rule lines with an instance's {@code virtual_*} blocks.
 *
 * <p>Where a keyword is read: {@link org.keepalived4j.config.vrrp.VrrpSection} receives each of
 * these top-level blocks and hands it to its parser: {@code VrrpInstanceParser} with
 * {@code InstanceOptionKeywords} and {@code VmacKeywords} for an instance,
 * {@code SyncGroupParser}, {@code TrackEntries} for the {@code track_*} blocks of both,
 * {@code AddressLineParser}, {@code RouteLineParser}, {@code RuleLineParser} and
 * {@code UnicastPeerLines} for the lines of address, route, rule and peer blocks,
 * {@code StaticSectionsParser} for the static blocks, and {@code VrrpScriptParser},
 * {@code TrackFileParser}, {@code TrackProcessParser}, {@code BfdInstanceParser} and
 * {@code GarpGroupParser}. Instances and sync groups are read into drafts ({@code InstanceDraft},
 * {@code SyncGroupParser.Draft}) because keepalived derives their values from each other and from
 * global_defs afterwards.
 *
 * <p>Where it is checked: the line checks are in the parsers; once the whole file is read,
 * {@code VrrpValidator} runs keepalived's post-parse checks in its order:
 * {@code ScriptSecurityCheck} (with {@code ScriptUsers}), {@code InstanceCompletion} and
 * {@code InstanceAssembly} (defaults from global_defs, strict mode, VRRP version, VMAC),
 * {@code SyncGroupCompletion} and {@code TrackingAdjustment}, then duplicate VRIDs.
 * {@code StaticTrackGroups} resolves {@code track_group} members.
 *
 * <p>Where it is applied: the {@link org.keepalived4j.config.VrrpInstanceConfig}s,
 * {@link org.keepalived4j.config.SyncGroupConfig}s and tracked objects
 * ({@link org.keepalived4j.config.VrrpScriptConfig},
 * {@link org.keepalived4j.config.TrackFileConfig},
 * {@link org.keepalived4j.config.TrackProcessConfig},
 * {@link org.keepalived4j.config.BfdInstanceConfig}) run the VRRP engine ({@code vrrp}: the
 * instances, sync groups and trackers) and appear in the read model ({@code state}). The static
 * blocks, {@code garp_group}, {@code linkbeat_interfaces} and {@code interface_up_down_delays} are
 * read and checked with keepalived's diagnostics, and kept in
 * {@link org.keepalived4j.config.KeepalivedConfig}; no subsystem applies them.
 */
package org.keepalived4j.config.vrrp;
