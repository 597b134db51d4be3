package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupHost;
import io.uvac.cgroups.Controller;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mounted hierarchy a group gets a directory in, with the controllers lib-cgroups uses there.
 *
 * @param controllers for v1 the controllers mounted there that we drive; for v2 those we enable in
 *                    {@code cgroup.subtree_control} (possibly none: a hybrid host's v2 group then only tracks)
 */
public record Hierarchy(Path mount, boolean unified, Set<Controller> controllers) {

    public Hierarchy {
        // Kept in enum order: it is the order controllers are enabled in and appear in messages.
        controllers = controllers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(controllers));
    }

    /**
     * The hierarchies a group spans on {@code host}: each distinct v1 mount carrying one of our controllers
     * (cpu and cpuacct are one hierarchy where co-mounted, two where not), and the cgroup2 mount when there is
     * one, given the controllers v1 does not already hold.
     */
    public static List<Hierarchy> of(CgroupHost host) {
        Map<Path, Set<Controller>> v1 = new LinkedHashMap<>();
        for (Controller c : Controller.values())
            host.v1Mount(c).ifPresent(p -> v1.computeIfAbsent(p, k -> EnumSet.noneOf(Controller.class)).add(c));
        List<Hierarchy> all = new ArrayList<>();
        v1.forEach((mount, controllers) -> all.add(new Hierarchy(mount, false, controllers)));
        host.unifiedMount().ifPresent(mount -> {
            Set<Controller> v2 = EnumSet.noneOf(Controller.class);
            for (Controller c : host.unifiedControllers()) if (!host.v1Mounts().containsKey(c)) v2.add(c);
            all.add(new Hierarchy(mount, true, v2));
        });
        return List.copyOf(all);
    }

    /** True when this hierarchy serves {@code c}; on v2, CPU usage and freezing are core and always served. */
    public boolean serves(Controller c) {
        return controllers.contains(c);
    }

    @Override
    public String toString() {
        return (unified ? "cgroup2 " : "cgroup v1 ") + mount + " " + controllers;
    }
}
