package io.uvac.cgroups.internal;

import java.io.IOException;

/** What lib-cgroups asks about and does to processes; a seam so kill and sweep logic run in unit tests. */
public interface Processes {
    /** The process that owns the groups this one creates. */
    ProcessIdentity self() throws IOException;

    /** True when the process still exists with the same start time. */
    boolean isAlive(ProcessIdentity p) throws IOException;

    /** Sends SIGKILL to {@code pid}; false when it was already gone. */
    boolean kill(long pid) throws IOException;
}
