package org.keepalived4j.config.read;

import java.nio.file.Path;

/** One entry of the include stack: where physical lines currently come from. */
interface LineSource {

    /** The next physical line (or piece of one), or null when this source is exhausted. */
    PhysicalLines.RawLine next();

    /** The directory of the file being read: relative includes and {@code ${_PWD}} use it. */
    Path directory();

    /** The same directory as written in file names shown to the user ("" for none). */
    String displayDirectory();

    /** The real path of the file the last line came from, or null if it is not a file. */
    Path currentFile();
}
