package io.uvac.cgroups.internal;

import java.time.Duration;

/**
 * Bounds on every wait lib-cgroups makes.
 *
 * @param kill   until every process of a group is gone
 * @param freeze until a v1 freezer reports FROZEN (a task in uninterruptible sleep can hold it in FREEZING;
 *               the kill then goes ahead unfrozen)
 * @param rmdir  retrying rmdir while the kernel still answers EBUSY for a group whose tasks are exiting
 */
public record Timeouts(Duration kill, Duration freeze, Duration rmdir) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(2));
}
