package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupException;
import io.uvac.cgroups.CgroupHost;
import io.uvac.cgroups.CgroupLayout;
import io.uvac.cgroups.Controller;
import io.uvac.sys.raw.sys_statfs_h;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out a {@link CgroupHost} from {@code /proc/self/mountinfo} and statfs. mountinfo says where each cgroup
 * hierarchy is mounted and, for v1, which controllers it carries (super options {@code rw,cpu,cpuacct}); statfs
 * confirms each mount point really is that filesystem now (mountinfo also lists mounts that were mounted over).
 * Layout, as systemd decides it: a cgroup2 mount and v1 controller hierarchies is hybrid, v2 alone unified,
 * v1 alone legacy. Nothing about {@code /sys/fs/cgroup} is assumed.
 */
public final class LayoutDetector {
    private LayoutDetector() {}

    /** Every v1 controller the kernel has (kernel/cgroup/cgroup.c, cgroup_subsys.h); other options are not controllers. */
    private static final Set<String> V1_CONTROLLERS = Set.of("cpu", "cpuacct", "cpuset", "memory", "devices",
            "freezer", "net_cls", "net_prio", "blkio", "perf_event", "hugetlb", "pids", "rdma", "misc", "debug");

    /** Reads a v2 group's {@code cgroup.controllers}. */
    @FunctionalInterface
    public interface ControllersReader {
        String read(Path unifiedMount) throws IOException;
    }

    public static CgroupHost detect(String mountinfo, FsMagic magic, ControllersReader controllers) throws IOException {
        MountEntry unified = null;
        Map<Controller, MountEntry> v1 = new EnumMap<>(Controller.class);
        boolean v1ControllersMounted = false;
        for (MountEntry e : MountInfo.parse(mountinfo)) {
            if (e.fsType().equals("cgroup2")) {
                if (confirmed(e, sys_statfs_h.CGROUP2_SUPER_MAGIC, magic)) unified = preferred(unified, e);
            } else if (e.fsType().equals("cgroup")) {
                List<String> names = e.superOptions().stream().filter(V1_CONTROLLERS::contains).toList();
                if (names.isEmpty() || !confirmed(e, sys_statfs_h.CGROUP_SUPER_MAGIC, magic)) continue;
                v1ControllersMounted = true;
                for (String n : names)
                    Controller.byKernelName(n).ifPresent(c -> v1.put(c, preferred(v1.get(c), e)));
            }
        }
        if (unified == null && !v1ControllersMounted)
            throw new CgroupException("no cgroup hierarchy found: /proc/self/mountinfo lists no cgroup2 mount and no "
                    + "cgroup v1 mount with controllers whose statfs magic confirms it");

        CgroupLayout layout = unified == null ? CgroupLayout.LEGACY
                : v1ControllersMounted ? CgroupLayout.HYBRID : CgroupLayout.UNIFIED;
        Map<Controller, Path> v1Mounts = new EnumMap<>(Controller.class);
        if (layout != CgroupLayout.UNIFIED) v1.forEach((c, e) -> v1Mounts.put(c, e.mountPoint()));
        Set<Controller> v2Controllers = EnumSet.noneOf(Controller.class);
        if (unified != null) {
            for (String n : controllers.read(unified.mountPoint()).strip().split("\\s+"))
                Controller.byKernelName(n).filter(Controller::isV2Controller).ifPresent(v2Controllers::add);
        }
        return new CgroupHost(layout, v1Mounts, Optional.ofNullable(unified).map(MountEntry::mountPoint), v2Controllers);
    }

    private static boolean confirmed(MountEntry e, long expected, FsMagic magic) {
        try {
            return magic.of(e.mountPoint()) == expected;
        } catch (IOException gone) {
            return false; // listed but not reachable from here (another mount hides it): not usable
        }
    }

    /** A mount of the whole hierarchy (root {@code /}) beats a bind mount of a subtree; otherwise the first wins. */
    private static MountEntry preferred(MountEntry current, MountEntry candidate) {
        if (current == null) return candidate;
        return !current.root().equals("/") && candidate.root().equals("/") ? candidate : current;
    }
}
