package io.uvac.launcher;

import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.spawn.Spawn;

/**
 * Links the native calls a launcher is about to make (the netlink socket calls, the spawn stub, the spawn
 * plan's classes) on a background thread while the main thread parses the command line and checks the host:
 * the first downcall of each kind costs milliseconds of method-handle generation, and here it overlaps other
 * work. The spawn stub alone took ~12 ms of the supervisors' critical path when it was linked by the first spawn.
 * Nothing is created; failures are ignored (the real call reports them).
 */
final class Warmup {
    private Warmup() {}

    static void start() {
        Thread.ofPlatform().daemon(true).name("uvac-warmup").start(() -> {
            try (RtNetlink nl = RtNetlink.open()) {
                nl.linkByName("lo");
            } catch (Exception | LinkageError ignored) {
                // not root, or no netlink: the real call will say so
            }
            try {
                Spawn.link();
            } catch (RuntimeException | LinkageError ignored) {
                // reported by the real spawn
            }
            try {
                Containers.describe(ContainerSpec.builder().command("/bin/true").namespaces(Namespace.container())
                        .hostname("warmup").mount(Mount.proc("/proc")).build());
            } catch (RuntimeException | LinkageError ignored) {
                // reported by the real spawn
            }
            Trace.mark("warm-up done");
        });
    }
}
