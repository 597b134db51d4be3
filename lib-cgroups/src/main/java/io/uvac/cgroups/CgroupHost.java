package io.uvac.cgroups;

import io.uvac.cgroups.internal.FsMagic;
import io.uvac.cgroups.internal.LayoutDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where this host keeps its cgroup hierarchies: the layout, the v1 mount of each controller, the cgroup2 mount
 * and the controllers it offers. {@link #detect()} reads it from {@code /proc/self/mountinfo} and statfs.
 *
 * <pre>
 * CgroupHost host = CgroupHost.detect();
 * // On this project's Debian hosts: HYBRID, memory at /sys/fs/cgroup/memory, cgroup2 at /sys/fs/cgroup/unified
 * host.v1Mount(Controller.MEMORY);
 * </pre>
 *
 * @param layout             unified, hybrid or legacy
 * @param v1Mounts           the mount point of each controller mounted as cgroup v1 (co-mounted controllers,
 *                           e.g. {@code cpu,cpuacct}, share one); empty on a unified host
 * @param unifiedMount       the cgroup2 mount; absent on a legacy host
 * @param unifiedControllers controllers the cgroup2 root offers ({@code cgroup.controllers}); a controller
 *                           mounted on v1 is never among them
 */
public record CgroupHost(CgroupLayout layout, Map<Controller, Path> v1Mounts, Optional<Path> unifiedMount,
                         Set<Controller> unifiedControllers) {

    public CgroupHost {
        Objects.requireNonNull(layout, "layout");
        v1Mounts = v1Mounts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(v1Mounts));
        Objects.requireNonNull(unifiedMount, "unifiedMount");
        unifiedControllers = unifiedControllers.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(unifiedControllers));
        switch (layout) {
            case UNIFIED -> {
                if (unifiedMount.isEmpty() || !v1Mounts.isEmpty())
                    throw new IllegalArgumentException("a unified host has a cgroup2 mount and no v1 controllers");
            }
            case HYBRID -> {
                if (unifiedMount.isEmpty()) throw new IllegalArgumentException("a hybrid host has a cgroup2 mount");
            }
            case LEGACY -> {
                if (unifiedMount.isPresent()) throw new IllegalArgumentException("a legacy host has no cgroup2 mount");
            }
        }
        if (unifiedMount.isEmpty() && !unifiedControllers.isEmpty())
            throw new IllegalArgumentException("v2 controllers without a cgroup2 mount");
        for (Controller c : unifiedControllers) {
            if (!c.isV2Controller()) throw new IllegalArgumentException(c + " is no cgroup v2 controller");
            if (v1Mounts.containsKey(c))
                throw new IllegalArgumentException(c + " cannot be on v1 and v2 at once: the kernel binds a controller to one hierarchy");
        }
    }

    /** Reads the host's layout: {@code /proc/self/mountinfo} for mount points, statfs to confirm each one. */
    public static CgroupHost detect() throws IOException {
        return LayoutDetector.detect(Files.readString(Path.of("/proc/self/mountinfo")), FsMagic.STATFS,
                mount -> Files.readString(mount.resolve("cgroup.controllers")));
    }

    public Optional<Path> v1Mount(Controller c) {
        return Optional.ofNullable(v1Mounts.get(c));
    }

    /**
     * The same host seen through its cgroup2 hierarchy alone: groups get no v1 directories, attach by
     * CLONE_INTO_CGROUP only and are killed with {@code cgroup.kill}. For tracking processes on a hybrid host
     * without touching v1, or to exercise the v2 path there.
     */
    public CgroupHost unifiedOnly() {
        if (unifiedMount.isEmpty()) throw new IllegalStateException("this " + layout + " host has no cgroup2 mount");
        return new CgroupHost(CgroupLayout.UNIFIED, Map.of(), unifiedMount, unifiedControllers);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(layout.name().toLowerCase());
        new EnumMap<>(v1Mounts).forEach((c, p) -> s.append(", ").append(c.kernelName()).append('=').append(p));
        unifiedMount.ifPresent(p -> s.append(", cgroup2=").append(p).append(" (controllers: ")
                .append(unifiedControllers.isEmpty() ? "none of ours" : EnumSet.copyOf(unifiedControllers)).append(')'));
        return s.toString();
    }
}
