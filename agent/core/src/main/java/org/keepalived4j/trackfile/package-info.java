/**
 * Track files: the files holding a number that a VRRP instance ({@code track_file}) and a real
 * server ({@code FILE_CHECK}) follow. {@link org.keepalived4j.trackfile.TrackFileWatcher} is the
 * one file watcher of the daemon; {@link org.keepalived4j.trackfile.TrackFileContent} reads and
 * initialises such a file.
 */
package org.keepalived4j.trackfile;
