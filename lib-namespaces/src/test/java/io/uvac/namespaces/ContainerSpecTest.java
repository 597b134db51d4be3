package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec validation and plan rendering: no root needed. */
class ContainerSpecTest {

    static String error(ContainerSpec.Builder b) {
        return assertThrows(IllegalArgumentException.class, b::build).getMessage();
    }

    @Test
    void rejectsBadInputBeforeAnythingIsCreated() {
        assertTrue(error(ContainerSpec.builder()).contains("command is empty"));
        assertTrue(error(ContainerSpec.builder().command("a\0b")).contains("NUL"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").env("A", "x\0")).contains("NUL"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").environment(java.util.List.of("=x")))
                .contains("NAME=VALUE"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").namespace(Namespace.UTS).hostname("h".repeat(65)))
                .contains("1 to 64 bytes"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").hostname("box")).contains("Namespace.UTS"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").mount(Mount.proc("/proc"))).contains("Namespace.MOUNT"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").rootfs(Path.of("/x"))).contains("Namespace.MOUNT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mount.tmpfs("tmp", "")).getMessage()
                .contains("absolute"));
        assertTrue(error(ContainerSpec.builder().command("/bin/true").workingDirectory("rel")).contains("absolute"));
    }

    @Test
    void planTraceNamesEveryStepInOrder() {
        ContainerSpec spec = ContainerSpec.builder()
                .command("true")
                .env("PATH", "/usr/bin:/bin")
                .namespaces(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.PID))
                .hostname("box")
                .mount(Mount.tmpfs("/tmp", "mode=1777"))
                .mount(Mount.proc("/proc"))
                .workingDirectory("/tmp")
                .build();
        List<String> steps = new ArrayList<>(List.of("rt_sigprocmask SIG_SETMASK, {}"));
        for (int sig = 1; sig <= 64; sig++) if (sig != 9 && sig != 19) steps.add("rt_sigaction " + sig + ", SIG_DFL");
        steps.addAll(List.of(
                "close_range 3, ~0U, CLOSE_RANGE_CLOEXEC",
                "mount dst=/, flags=MS_REC|MS_PRIVATE",
                "mount src=tmpfs, dst=/tmp, type=tmpfs, flags=MS_NOSUID|MS_NODEV, data=mode=1777",
                "mount src=proc, dst=/proc, type=proc, flags=MS_NOSUID|MS_NODEV|MS_NOEXEC",
                "sethostname box",
                "chdir /tmp",
                "prctl PR_SET_NO_NEW_PRIVS, 1",
                "execve " + (java.nio.file.Files.exists(Path.of("/usr/bin/true")) ? "/usr/bin/true" : "/bin/true")));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < steps.size(); i++)
            expected.append("step ").append(i + 1).append('/').append(steps.size()).append(' ').append(steps.get(i)).append('\n');
        assertEquals(expected.toString(), Containers.describe(spec));
    }

    @Test
    void rootfsPlanPivotsAfterItsMounts() {
        ContainerSpec spec = ContainerSpec.builder().command("/bin/sh").namespaces(Namespace.container())
                .rootfs(Path.of("/srv/root")).mount(Mount.proc("/proc")).build();
        String trace = Containers.describe(spec);
        int proc = trace.indexOf("dst=/srv/root/proc"), pivot = trace.indexOf("pivot_root . .");
        assertTrue(proc > 0 && pivot > proc, trace);
        assertTrue(trace.contains("umount2 . MNT_DETACH"), trace);
        assertTrue(trace.indexOf("chdir /\n") > pivot, trace);
    }
}
