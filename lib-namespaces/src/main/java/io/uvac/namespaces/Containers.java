package io.uvac.namespaces;

import io.uvac.namespaces.internal.Plan;
import io.uvac.namespaces.internal.PlanBuilder;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.spawn.Spawn;
import io.uvac.sys.spawn.SpawnFailedException;
import java.lang.foreign.Arena;

/**
 * Starts containers. The child runs only a plan of raw syscalls prepared here (never Java code: a clone of a
 * multi-threaded JVM may hold its locks), and {@code spawn} returns once the program has been exec'd.
 *
 * <pre>
 * try (ContainerProcess p = Containers.spawn(ContainerSpec.builder()
 *         .command("/bin/true").namespaces(Namespace.container()).build())) {
 *     System.out.println(p.waitFor());   // exited with code 0
 * }
 * </pre>
 */
public final class Containers {
    private Containers() {}

    /**
     * Clones the container's process and runs its plan.
     *
     * @throws SpawnFailedException a plan step failed, named with its arguments and position, e.g.
     *                              {@code execve /nonexistent: No such file or directory (ENOENT) at step 9/9}
     * @throws ErrnoException       clone3 failed (e.g. EPERM without CAP_SYS_ADMIN)
     * @throws UnsupportedOperationException on architectures other than x86-64
     * @throws IllegalStateException         a parent-death signal requested from a virtual thread
     */
    public static ContainerProcess spawn(ContainerSpec spec) throws ErrnoException {
        if (spec.parentDeathSignal() != 0 && Thread.currentThread().isVirtual())
            throw new IllegalStateException("parentDeathSignal needs a platform thread: the kernel ties it to the "
                    + "thread that spawns, and a virtual thread's carrier may end at any time");
        try (Arena arena = Arena.ofConfined()) {
            Plan plan = PlanBuilder.build(arena, spec);
            Spawn.Child child = Spawn.run(arena, plan.cloneFlags(), plan.cgroupDirFd(), plan.steps());
            return new ContainerProcess(child.pid(), child.pidfd());
        }
    }

    /** The readable trace of the steps {@code spawn(spec)} would run, one line per step. */
    public static String describe(ContainerSpec spec) {
        try (Arena arena = Arena.ofConfined()) {
            return PlanBuilder.build(arena, spec).toString();
        }
    }
}
