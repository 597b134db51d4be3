package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.siginfo_t;
import io.uvac.sys.raw.sys_syscall_h;
import io.uvac.sys.raw.sys_wait_h;
import io.uvac.sys.spawn.RawStep;
import io.uvac.sys.spawn.Spawn;
import io.uvac.sys.spawn.SpawnFailedException;
import io.uvac.sys.testing.Privileged;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raw stub on a real kernel, without namespaces (those are lib-namespaces' tests). */
class SpawnTest {

    @BeforeEach
    void platform() {
        if (!Spawn.supported()) Privileged.unavailable("the spawn stub exists for x86-64 only");
    }

    static RawStep execve(Arena a, String path, String... argv) {
        MemorySegment p = a.allocateFrom(path);
        MemorySegment args = a.allocate(ValueLayout.ADDRESS, argv.length + 1);
        for (int i = 0; i < argv.length; i++) args.setAtIndex(ValueLayout.ADDRESS, i, a.allocateFrom(argv[i]));
        MemorySegment env = a.allocate(ValueLayout.ADDRESS, 1);
        return RawStep.of("execve", path, sys_syscall_h.SYS_execve, p.address(), args.address(), env.address());
    }

    static int exitCode(Spawn.Child c) throws ErrnoException {
        try (Arena a = Arena.ofConfined(); Fd pidfd = c.pidfd()) {
            MemorySegment info = siginfo_t.allocate(a);
            assertTrue(Posix.waitid(pidfd.get(), info, sys_wait_h.WEXITED));
            assertEquals(sys_wait_h.CLD_EXITED, siginfo_t.si_code(info));
            return siginfo_t.si_status(info);
        }
    }

    @Test
    void execsAndExitsWithTheProgramsStatus() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            Spawn.Child c = Spawn.run(a, 0, -1, List.of(execve(a, "/bin/sh", "sh", "-c", "exit 7")));
            assertTrue(c.pid() > 0);
            assertEquals(7, exitCode(c));
        }
    }

    @Test
    void failingStepIsNamedAndTheChildIsReaped() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            var e = assertThrows(SpawnFailedException.class,
                    () -> Spawn.run(a, 0, -1, List.of(
                            RawStep.of("chdir", "/", sys_syscall_h.SYS_chdir, a.allocateFrom("/").address()),
                            execve(a, "/nonexistent", "x"))));
            assertEquals("execve /nonexistent: No such file or directory (ENOENT) at step 2/2", e.getMessage());
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals(1, e.step());
            assertTrue(e instanceof ErrnoException);
        }
    }

    @Test
    void stepAllowedToFailDoesNotStopThePlan() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            RawStep bad = RawStep.of("chdir", "/nonexistent", sys_syscall_h.SYS_chdir,
                    a.allocateFrom("/nonexistent").address()).allowFailure();
            Spawn.Child c = Spawn.run(a, 0, -1, List.of(bad, execve(a, "/bin/true", "true")));
            assertEquals(0, exitCode(c));
        }
    }

    @Test
    void planWithoutExecveIsReported() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            var e = assertThrows(SpawnFailedException.class, () -> Spawn.run(a, 0, -1,
                    List.of(RawStep.of("chdir", "/", sys_syscall_h.SYS_chdir, a.allocateFrom("/").address()))));
            assertTrue(e.getMessage().contains("ended without execve"), e.getMessage());
        }
    }
}
