package io.uvac.sys.spawn;

import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Flags;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.clone_args;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.siginfo_t;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.raw.sys_wait_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Runs clone3 and a plan of {@link RawStep}s through the native stub (see spawn-x86_64.S).
 *
 * <p>The child shares the JVM's memory (CLONE_VM) on a private stack and the calling thread waits in clone3
 * until the child has exec'd or died (CLONE_VFORK): no page-table copy, so the cost does not grow with
 * the heap, and no Java code ever runs in the child. Signal handlers are reset (CLONE_CLEAR_SIGHAND), the
 * lifetime handle is a pidfd.
 */
public final class Spawn {
    private static final long STACK_SIZE = 64 * 1024;
    private static final long BLOCK_HEADER = 32, STEP_SIZE = 64;
    /** Set on every spawn; callers add namespace flags and CLONE_INTO_CGROUP. */
    public static final long BASE_FLAGS = sched_h.CLONE_VM | sched_h.CLONE_VFORK | sched_h.CLONE_CLEAR_SIGHAND
            | sched_h.CLONE_PIDFD;

    /**
     * The child's stack, one per thread and reused: under CLONE_VFORK the child has exec'd or exited before
     * clone3 returns here, so the next spawn of this thread may use it again. Allocating it per spawn cost a
     * 64 KiB memset on every spawn.
     */
    private static final ThreadLocal<MemorySegment> STACK = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(STACK_SIZE, 16));

    private Spawn() {}

    /** A started child: its pid (in the caller's pid namespace) and an owned pidfd. */
    public record Child(int pid, Fd pidfd) {}

    public static boolean supported() {
        return SpawnStub.supported();
    }

    /**
     * Maps the stub and links its downcall now (three first-use downcall links, ~10 ms), which the first
     * {@link #run} would otherwise do: for a launcher that can prepare on another thread while it checks the host.
     *
     * @throws UnsupportedOperationException not x86-64
     * @throws ExceptionInInitializerError   the stub page could not be mapped (the cause says why); spawns
     *                                       then fail with NoClassDefFoundError
     */
    public static void link() {
        SpawnStub.handle();
    }

    /**
     * Clones with {@link #BASE_FLAGS} | {@code cloneFlags} and runs {@code steps} in the child.
     *
     * @param arena        holds every address the steps use; must stay open until this returns
     * @param cgroupDirFd  directory fd for CLONE_INTO_CGROUP (cgroup v2), or -1
     * @throws SpawnFailedException a step failed in the child (which is reaped before this throws)
     * @throws ErrnoException       clone3 itself failed
     */
    public static Child run(Arena arena, long cloneFlags, int cgroupDirFd, List<RawStep> steps) throws ErrnoException {
        int n = steps.size();
        MemorySegment block = arena.allocate(BLOCK_HEADER + STEP_SIZE * n, 16);
        MemorySegment args = clone_args.allocate(arena);
        MemorySegment pidfdOut = arena.allocate(ValueLayout.JAVA_INT);
        MemorySegment stack = STACK.get();

        long flags = BASE_FLAGS | cloneFlags;
        if (cgroupDirFd >= 0) flags |= sched_h.CLONE_INTO_CGROUP;
        clone_args.flags(args, flags);
        clone_args.pidfd(args, pidfdOut.address());
        clone_args.exit_signal(args, signal_h.SIGCHLD);
        clone_args.stack(args, stack.address());
        clone_args.stack_size(args, STACK_SIZE);
        if (cgroupDirFd >= 0) clone_args.cgroup(args, cgroupDirFd);

        block.set(ValueLayout.JAVA_LONG, 0, args.address());
        block.set(ValueLayout.JAVA_LONG, 8, clone_args.sizeof());
        block.set(ValueLayout.JAVA_INT, 16, -1);
        block.set(ValueLayout.JAVA_INT, 20, 0);
        block.set(ValueLayout.JAVA_LONG, 24, n);
        long off = BLOCK_HEADER;
        for (RawStep s : steps) {
            block.set(ValueLayout.JAVA_LONG, off, s.nr());
            block.set(ValueLayout.JAVA_LONG, off + 8, s.a0());
            block.set(ValueLayout.JAVA_LONG, off + 16, s.a1());
            block.set(ValueLayout.JAVA_LONG, off + 24, s.a2());
            block.set(ValueLayout.JAVA_LONG, off + 32, s.a3());
            block.set(ValueLayout.JAVA_LONG, off + 40, s.a4());
            block.set(ValueLayout.JAVA_LONG, off + 48, s.a5());
            block.set(ValueLayout.JAVA_LONG, off + 56, s.mayFail() ? 1 : 0);
            off += STEP_SIZE;
        }

        long rc = SpawnStub.invoke(block);
        if (rc < 0) throw ErrnoException.of("clone3", Flags.clone(flags), (int) -rc);

        int pid = (int) rc;
        Fd pidfd = Fd.adopt(pidfdOut.get(ValueLayout.JAVA_INT, 0));
        int failed = block.get(ValueLayout.JAVA_INT, 16);
        if (failed < 0) return new Child(pid, pidfd);

        int errno = block.get(ValueLayout.JAVA_INT, 20);
        try (pidfd) {
            // The child has already exited (CLONE_VFORK returned); reap it so no zombie is left.
            MemorySegment info = siginfo_t.allocate(arena);
            Posix.waitid(pidfd.get(), info, sys_wait_h.WEXITED);
        }
        if (errno == 0 || failed >= n) {
            throw new SpawnFailedException(RawStep.of("plan", "ended without execve", 0), Errno.EINVAL, n - 1, n);
        }
        throw new SpawnFailedException(steps.get(failed), errno, failed, n);
    }
}
