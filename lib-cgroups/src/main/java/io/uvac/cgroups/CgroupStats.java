package io.uvac.cgroups;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of a group's counters. A part is empty when the host does not offer it (no memory controller,
 * a kernel without {@code memory.peak}).
 *
 * <pre>
 * CgroupStats s = group.stats();
 * if (s.oomKills().orElse(0) &gt; 0) log("OOM-killed; peak " + s.memoryPeakBytes().orElse(-1));
 * </pre>
 *
 * @param memoryCurrentBytes v2 {@code memory.current}, v1 {@code memory.usage_in_bytes}
 * @param memoryPeakBytes    v2 {@code memory.peak}, v1 {@code memory.max_usage_in_bytes}
 * @param oomKills           processes the OOM killer killed in the group: {@code oom_kill} of v2
 *                           {@code memory.events} or of v1 {@code memory.oom_control}
 * @param cpuUsage           CPU time used by the group: v1 {@code cpuacct.usage}, v2 {@code cpu.stat usage_usec}
 * @param pidsCurrent        tasks in the group: {@code pids.current}
 */
public record CgroupStats(OptionalLong memoryCurrentBytes, OptionalLong memoryPeakBytes, OptionalLong oomKills,
                          Optional<Duration> cpuUsage, OptionalLong pidsCurrent) {}
