package io.uvac.cgroups.internal;

import static io.uvac.sys.raw.sys_statfs_h.CGROUP2_SUPER_MAGIC;
import static io.uvac.sys.raw.sys_statfs_h.CGROUP_SUPER_MAGIC;
import static io.uvac.sys.raw.sys_statfs_h.TMPFS_MAGIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.uvac.cgroups.CgroupException;
import io.uvac.cgroups.CgroupHost;
import io.uvac.cgroups.CgroupLayout;
import io.uvac.cgroups.Controller;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Detection from sample mountinfo texts and statfs answers. */
class LayoutDetectorTest {

    /** This project's host (Debian 12, kernel 6.18), verbatim. */
    static final String HYBRID = """
            23 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    /** A systemd host booted unified (Debian 12 default). */
    static final String UNIFIED = """
            22 27 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
            26 22 0:24 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;

    /** An older host: v1 only, cpu and cpuacct co-mounted, systemd's named hierarchy. */
    static final String LEGACY = """
            25 18 0:21 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
            26 25 0:22 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,xattr,name=systemd
            29 25 0:25 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpu,cpuacct
            30 25 0:26 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,memory
            31 25 0:27 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,pids
            """;

    /** statfs answering the filesystem type mountinfo claims, for every listed cgroup mount point. */
    static FsMagic truthful(String mountinfo) {
        Map<Path, Long> m = new HashMap<>();
        for (MountEntry e : MountInfo.parse(mountinfo))
            m.put(e.mountPoint(), switch (e.fsType()) {
                case "cgroup" -> CGROUP_SUPER_MAGIC;
                case "cgroup2" -> CGROUP2_SUPER_MAGIC;
                case "tmpfs" -> TMPFS_MAGIC;
                default -> 0L;
            });
        return p -> {
            Long v = m.get(p);
            if (v == null) throw new NoSuchFileException(p.toString());
            return v;
        };
    }

    @Test
    void thisProjectsHostIsHybridWithEveryControllerOnV1() throws Exception {
        CgroupHost h = LayoutDetector.detect(HYBRID, truthful(HYBRID), mount -> "hugetlb\n");
        assertEquals(CgroupLayout.HYBRID, h.layout());
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified")), h.unifiedMount());
        assertEquals(Set.of(), h.unifiedControllers(), "hugetlb is no controller of ours");
        Map<Controller, Path> v1 = Map.of(
                Controller.CPU, Path.of("/sys/fs/cgroup/cpu"), Controller.CPUACCT, Path.of("/sys/fs/cgroup/cpuacct"),
                Controller.CPUSET, Path.of("/sys/fs/cgroup/cpuset"), Controller.MEMORY, Path.of("/sys/fs/cgroup/memory"),
                Controller.PIDS, Path.of("/sys/fs/cgroup/pids"), Controller.FREEZER, Path.of("/sys/fs/cgroup/freezer"));
        assertEquals(v1, h.v1Mounts());
        assertEquals(7, Hierarchy.of(h).size(), "six v1 hierarchies and cgroup2");
    }

    @Test
    void unifiedHostOffersWhatCgroupControllersLists() throws Exception {
        CgroupHost h = LayoutDetector.detect(UNIFIED, truthful(UNIFIED), mount -> {
            assertEquals(Path.of("/sys/fs/cgroup"), mount);
            return "cpuset cpu io memory hugetlb pids rdma misc\n";
        });
        assertEquals(new CgroupHost(CgroupLayout.UNIFIED, Map.of(), Optional.of(Path.of("/sys/fs/cgroup")),
                EnumSet.of(Controller.CPU, Controller.CPUSET, Controller.MEMORY, Controller.PIDS)), h);
    }

    @Test
    void legacyHostWithCoMountedCpuAndCpuacctIsOneHierarchy() throws Exception {
        CgroupHost h = LayoutDetector.detect(LEGACY, truthful(LEGACY), mount -> {
            throw new AssertionError("no cgroup2 to read");
        });
        assertEquals(CgroupLayout.LEGACY, h.layout());
        Path cpu = Path.of("/sys/fs/cgroup/cpu,cpuacct");
        assertEquals(Optional.of(cpu), h.v1Mount(Controller.CPU));
        assertEquals(Optional.of(cpu), h.v1Mount(Controller.CPUACCT));
        assertEquals(Optional.empty(), h.v1Mount(Controller.FREEZER));
        assertEquals(new Hierarchy(cpu, false, EnumSet.of(Controller.CPU, Controller.CPUACCT)), Hierarchy.of(h).get(0));
        assertEquals(3, Hierarchy.of(h).size());
    }

    @Test
    void aMountStatfsDoesNotConfirmIsIgnored() throws Exception {
        // mountinfo still lists a cgroup2 that was mounted over: statfs sees the tmpfs on top, not cgroup2.
        String text = LEGACY + "50 25 0:40 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n"
                + "51 25 0:41 / /sys/fs/cgroup/unified rw - tmpfs tmpfs rw\n";
        FsMagic statfs = p -> p.equals(Path.of("/sys/fs/cgroup/unified")) ? TMPFS_MAGIC : truthful(LEGACY).of(p);
        assertEquals(CgroupLayout.LEGACY, LayoutDetector.detect(text, statfs, m -> "").layout());
    }

    @Test
    void aWholeHierarchyMountBeatsABindMountOfASubtree() throws Exception {
        String text = """
                60 1 0:50 /docker/abc /container/memory rw - cgroup cgroup rw,memory
                61 1 0:50 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory
                """;
        CgroupHost h = LayoutDetector.detect(text, truthful(text), m -> "");
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/memory")), h.v1Mount(Controller.MEMORY));
    }

    @Test
    void onlyANamedV1HierarchyBesideCgroup2IsUnified() throws Exception {
        String text = UNIFIED + "27 26 0:30 / /run/systemd-v1 rw - cgroup cgroup rw,name=systemd\n";
        assertEquals(CgroupLayout.UNIFIED, LayoutDetector.detect(text, truthful(text), m -> "memory").layout());
    }

    @Test
    void noCgroupMountIsAnError() {
        String text = "22 27 0:21 / /sys rw - sysfs sysfs rw\n";
        var e = assertThrows(CgroupException.class, () -> LayoutDetector.detect(text, truthful(text), m -> ""));
        assertEquals("no cgroup hierarchy found: /proc/self/mountinfo lists no cgroup2 mount and no cgroup v1 mount "
                + "with controllers whose statfs magic confirms it", e.getMessage());
    }

    @Test
    void hostRecordRejectsImpossibleCombinations() {
        assertThrows(IllegalArgumentException.class, () -> new CgroupHost(CgroupLayout.UNIFIED,
                Map.of(Controller.MEMORY, Path.of("/m")), Optional.of(Path.of("/u")), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CgroupHost(CgroupLayout.HYBRID,
                Map.of(Controller.MEMORY, Path.of("/m")), Optional.of(Path.of("/u")), Set.of(Controller.MEMORY)));
        assertThrows(IllegalArgumentException.class, () -> new CgroupHost(CgroupLayout.LEGACY,
                Map.of(), Optional.of(Path.of("/u")), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CgroupHost(CgroupLayout.UNIFIED,
                Map.of(), Optional.of(Path.of("/u")), Set.of(Controller.FREEZER)));
    }
}
