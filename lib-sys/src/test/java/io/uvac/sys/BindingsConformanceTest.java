package io.uvac.sys;

import static io.uvac.sys.testing.CProbe.key;
import static io.uvac.sys.testing.CProbe.sizeKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.sys.raw.clone_args;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.poll_h;
import io.uvac.sys.raw.pollfd;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.siginfo_t;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.raw.statfs;
import io.uvac.sys.raw.sys_mman_h;
import io.uvac.sys.raw.sys_mount_h;
import io.uvac.sys.raw.sys_prctl_h;
import io.uvac.sys.raw.sys_statfs_h;
import io.uvac.sys.raw.sys_syscall_h;
import io.uvac.sys.raw.sys_wait_h;
import io.uvac.sys.raw.unistd_h;
import io.uvac.sys.testing.CProbe;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every constant, struct size and field offset of lib-sys's bindings, proven against the system headers. */
class BindingsConformanceTest {

    @BeforeAll
    static void gcc() {
        CProbe.requireGcc();
    }

    /** Every public static numeric constant of {@code holder} must equal the C macro of the same name. */
    static void assertConstants(Class<?> holder, String... headers) throws Exception {
        CProbe probe = new CProbe(headers).define("_GNU_SOURCE");
        int count = 0;
        for (Field f : holder.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isPublic(m) || !Modifier.isFinal(m)) continue;
            if (f.getType() != int.class && f.getType() != long.class && f.getType() != short.class) continue;
            probe.value(f.getName());
            count++;
        }
        Map<String, Long> c = probe.run();
        assertEquals(count, c.size(), "probe printed every constant of " + holder.getSimpleName());
        for (Field f : holder.getDeclaredFields()) {
            if (!c.containsKey(f.getName())) continue;
            long java = ((Number) f.get(null)).longValue();
            assertEquals(c.get(f.getName()), java, holder.getSimpleName() + "." + f.getName());
        }
    }

    @Test
    void constants() throws Exception {
        assertConstants(fcntl_h.class, "fcntl.h");
        assertConstants(sched_h.class, "sched.h", "linux/sched.h");
        assertConstants(sys_mman_h.class, "sys/mman.h");
        assertConstants(sys_mount_h.class, "sys/mount.h");
        assertConstants(sys_statfs_h.class, "sys/statfs.h", "linux/magic.h");
        assertConstants(poll_h.class, "poll.h");
        assertConstants(sys_wait_h.class, "sys/wait.h", "signal.h");
        assertConstants(sys_prctl_h.class, "sys/prctl.h");
        assertConstants(sys_syscall_h.class, "sys/syscall.h");
        assertConstants(unistd_h.class, "linux/close_range.h");
    }

    @Test
    void signals() throws Exception {
        CProbe probe = new CProbe("signal.h");
        for (Field f : signal_h.class.getDeclaredFields())
            if (f.getName().startsWith("SIG") && f.getType() == int.class) probe.value(f.getName());
        Map<String, Long> c = probe.run();
        for (var e : c.entrySet())
            assertEquals(e.getValue().longValue(), signal_h.class.getField(e.getKey()).getInt(null), e.getKey());
        // The kernel's sigset is one 64-bit word; rt_sigprocmask fails with EINVAL for any other size.
        assertEquals(8, signal_h.KERNEL_SIGSET_SIZE);
        // The raw rt_sigaction takes the kernel's struct, which only <asm/signal.h> declares (and which clashes
        // with glibc's <signal.h>, hence a probe of its own).
        Map<String, Long> k = new CProbe("asm/signal.h").size("struct sigaction")
                .value("mask", "offsetof(struct sigaction, sa_mask)").run();
        assertEquals(k.get(sizeKey("struct sigaction")), signal_h.KERNEL_SIGACTION_SIZE);
        assertEquals(k.get("mask") + signal_h.KERNEL_SIGSET_SIZE, signal_h.KERNEL_SIGACTION_SIZE, "the mask is the last field");
        // glibc's SIGRTMAX is a function of the running libc, which reserves none above the kernel's _NSIG.
        assertEquals(new CProbe("signal.h").value("SIGRTMAX").run().get("SIGRTMAX"), signal_h.KERNEL_NSIG);
    }

    @Test
    void errnoTable() throws Exception {
        CProbe probe = new CProbe("errno.h", "string.h");
        for (int e : Errno.known()) probe.value(Errno.name(e));
        Map<String, Long> c = probe.run();
        for (int e : Errno.known()) assertEquals(c.get(Errno.name(e)).longValue(), e, Errno.name(e));
        for (Field f : Errno.class.getFields())
            if (f.getType() == int.class) assertEquals(Errno.name(f.getInt(null)), f.getName());
    }

    @Test
    void structs() throws Exception {
        Map<String, Long> c = new CProbe("linux/sched.h", "sys/statfs.h", "signal.h", "poll.h")
                .size("struct clone_args")
                .offset("struct clone_args", "flags").offset("struct clone_args", "pidfd")
                .offset("struct clone_args", "exit_signal").offset("struct clone_args", "stack")
                .offset("struct clone_args", "stack_size").offset("struct clone_args", "cgroup")
                .value("CLONE_ARGS_SIZE_VER2")
                .size("struct statfs").offset("struct statfs", "f_type").offset("struct statfs", "f_namelen")
                .offset("struct statfs", "f_flags")
                .size("siginfo_t").offset("siginfo_t", "si_signo").offset("siginfo_t", "si_code")
                .offset("siginfo_t", "si_pid").offset("siginfo_t", "si_uid").offset("siginfo_t", "si_status")
                .size("struct pollfd").offset("struct pollfd", "events").offset("struct pollfd", "revents")
                .run();
        assertEquals(c.get(sizeKey("struct clone_args")), clone_args.sizeof());
        assertEquals(c.get("CLONE_ARGS_SIZE_VER2"), clone_args.sizeof());
        assertEquals(c.get(key("struct clone_args", "flags")), clone_args.flags$offset());
        assertEquals(c.get(key("struct clone_args", "pidfd")), clone_args.pidfd$offset());
        assertEquals(c.get(key("struct clone_args", "exit_signal")), clone_args.exit_signal$offset());
        assertEquals(c.get(key("struct clone_args", "stack")), clone_args.stack$offset());
        assertEquals(c.get(key("struct clone_args", "stack_size")), clone_args.stack_size$offset());
        assertEquals(c.get(key("struct clone_args", "cgroup")), clone_args.cgroup$offset());
        assertEquals(c.get(sizeKey("struct statfs")), statfs.sizeof());
        assertEquals(c.get(key("struct statfs", "f_type")), statfs.f_type$offset());
        assertEquals(c.get(key("struct statfs", "f_namelen")), statfs.f_namelen$offset());
        assertEquals(c.get(key("struct statfs", "f_flags")), statfs.f_flags$offset());
        assertEquals(c.get(sizeKey("siginfo_t")), siginfo_t.sizeof());
        assertEquals(c.get(key("siginfo_t", "si_signo")), siginfo_t.si_signo$offset());
        assertEquals(c.get(key("siginfo_t", "si_code")), siginfo_t.si_code$offset());
        assertEquals(c.get(key("siginfo_t", "si_pid")), siginfo_t.si_pid$offset());
        assertEquals(c.get(key("siginfo_t", "si_uid")), siginfo_t.si_uid$offset());
        assertEquals(c.get(key("siginfo_t", "si_status")), siginfo_t.si_status$offset());
        assertEquals(c.get(sizeKey("struct pollfd")), pollfd.sizeof());
        assertEquals(c.get(key("struct pollfd", "events")), pollfd.events$offset());
        assertEquals(c.get(key("struct pollfd", "revents")), pollfd.revents$offset());
    }
}
