package io.uvac.cgroups.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * One line of {@code /proc/self/mountinfo} (proc(5)), the parts lib-cgroups needs.
 *
 * @param root         the directory of the filesystem that is mounted ({@code /} unless a subtree was bind-mounted)
 * @param mountPoint   where it is mounted, unescaped
 * @param fsType       e.g. {@code cgroup}, {@code cgroup2}, {@code tmpfs}
 * @param superOptions per-superblock options; for cgroup v1 these name the controllers ({@code rw,cpu,cpuacct})
 */
public record MountEntry(int id, int parentId, String root, Path mountPoint, String fsType, String source,
                         List<String> superOptions) {}
