package io.uvac.namespaces.internal;

import static io.uvac.sys.raw.sys_mount_h.*;
import static io.uvac.sys.raw.sys_syscall_h.*;

import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Flags;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.raw.sys_prctl_h;
import io.uvac.sys.raw.unistd_h;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.spawn.InitProgram;
import io.uvac.sys.spawn.RawStep;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link ContainerSpec} into the raw syscalls the child runs between clone3 and execve. Every string
 * and array is allocated in the caller's arena, which must outlive the spawn.
 *
 * <p>Order matters: the signal mask first (the JVM's spawning thread blocks SIGQUIT and the program would
 * inherit it); join the network and cgroups before anything can allocate; make {@code /} private before any
 * mount so nothing propagates back to the host; pivot only after every mount under the new root is made.
 */
public final class PlanBuilder {
    private static final int S_IFREG = 0100000;

    /**
     * CLONE_CLEAR_SIGHAND resets the signals the JVM handles, but a signal the JVM inherited as ignored (SIGINT
     * when a script started it with {@code &}, SIGHUP under nohup, real-time signals 32 and 33 as this suite's
     * own JVMs get them) would stay ignored through execve, and SIGINT could then not stop the program. Every
     * signal but SIGKILL and SIGSTOP (which cannot be changed) starts at SIG_DFL, as in a container a daemon
     * started. The steps are the same for every spawn, so they are made once; the action they point to is an
     * all-zero kernel {@code struct sigaction} (SIG_DFL, no flags, empty mask) that lives as long as the JVM.
     */
    private static final List<RawStep> DEFAULT_DISPOSITIONS = defaultDispositions();

    private static List<RawStep> defaultDispositions() {
        MemorySegment dfl = Arena.global().allocate(signal_h.KERNEL_SIGACTION_SIZE, 8).fill((byte) 0);
        List<RawStep> steps = new ArrayList<>();
        for (int sig = 1; sig <= signal_h.KERNEL_NSIG; sig++) {
            if (sig == signal_h.SIGKILL || sig == signal_h.SIGSTOP) continue;
            steps.add(RawStep.of("rt_sigaction", sig + ", SIG_DFL", SYS_rt_sigaction, sig, dfl.address(), 0,
                    signal_h.KERNEL_SIGSET_SIZE));
        }
        return List.copyOf(steps);
    }

    private final Arena arena;
    private final ContainerSpec spec;
    private final List<RawStep> steps = new ArrayList<>();

    private PlanBuilder(Arena arena, ContainerSpec spec) {
        this.arena = arena;
        this.spec = spec;
    }

    public static Plan build(Arena arena, ContainerSpec spec) {
        return new PlanBuilder(arena, spec).render();
    }

    private Plan render() {
        long flags = 0;
        for (Namespace ns : spec.namespaces()) flags |= ns.cloneFlag();

        MemorySegment emptySet = arena.allocate(ValueLayout.JAVA_LONG);
        add("rt_sigprocmask", "SIG_SETMASK, {}", SYS_rt_sigprocmask, signal_h.SIG_SETMASK, emptySet.address(), 0,
                signal_h.KERNEL_SIGSET_SIZE);
        steps.addAll(DEFAULT_DISPOSITIONS);
        add("close_range", "3, ~0U, CLOSE_RANGE_CLOEXEC", SYS_close_range, 3, 0xFFFFFFFFL, unistd_h.CLOSE_RANGE_CLOEXEC);
        spec.networkNamespace().ifPresent(fd ->
                add("setns", fd + ", CLONE_NEWNET", SYS_setns, fd.get(), sched_h.CLONE_NEWNET));
        if (!spec.cgroupProcs().isEmpty()) {
            MemorySegment zero = arena.allocateFrom("0");
            for (Fd procs : spec.cgroupProcs())
                add("write", "cgroup.procs (" + procs + ") = \"0\"", SYS_write, procs.get(), zero.address(), 1);
        }
        if (spec.namespaces().contains(Namespace.MOUNT)) mounts();
        spec.hostname().ifPresent(h -> {
            MemorySegment name = arena.allocateFrom(h);
            add("sethostname", h, SYS_sethostname, name.address(), h.getBytes(StandardCharsets.UTF_8).length);
        });
        spec.workingDirectory().ifPresent(dir -> add("chdir", dir, SYS_chdir, cstr(dir)));
        stdio(spec.stdin(), 0);
        stdio(spec.stdout(), 1);
        stdio(spec.stderr(), 2);
        if (spec.newSession() || spec.controllingTerminal()) add("setsid", "", SYS_setsid);
        if (spec.controllingTerminal()) add("ioctl", "0, TIOCSCTTY", SYS_ioctl, 0, io.uvac.sys.raw.sys_ioctl_h.TIOCSCTTY, 0);
        if (spec.parentDeathSignal() != 0)
            add("prctl", "PR_SET_PDEATHSIG, " + spec.parentDeathSignal(), SYS_prctl, sys_prctl_h.PR_SET_PDEATHSIG,
                    spec.parentDeathSignal());
        if (spec.noNewPrivileges())
            add("prctl", "PR_SET_NO_NEW_PRIVS, 1", SYS_prctl, sys_prctl_h.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        execve();
        return new Plan(flags, spec.cgroupInto().map(Fd::get).orElse(-1), steps);
    }

    private void mounts() {
        mount(null, "/", null, MS_REC | MS_PRIVATE, null, false);
        Optional<Path> rootfs = spec.rootfs();
        String root = rootfs.map(r -> r.toAbsolutePath().normalize().toString()).orElse("");
        // pivot_root needs the new root to be a mount point; a bind of itself makes any directory one.
        rootfs.ifPresent(r -> mount(root, root, null, MS_BIND | MS_REC, null, false));
        for (Mount m : spec.mounts()) {
            String t = root + m.target();
            switch (m) {
                case Mount.Bind b -> {
                    if (rootfs.isPresent()) createTarget(t, Files.isDirectory(b.source()));
                    mount(b.source().toString(), t, null, MS_BIND | MS_REC, null, false);
                    if (b.readOnly()) mount(null, t, null, MS_BIND | MS_REMOUNT | MS_RDONLY, null, false);
                }
                case Mount.Tmpfs tm -> {
                    if (rootfs.isPresent()) createTarget(t, true);
                    mount("tmpfs", t, "tmpfs", MS_NOSUID | MS_NODEV | (tm.readOnly() ? MS_RDONLY : 0),
                            tm.options().isEmpty() ? null : tm.options(), false);
                }
                case Mount.Proc p -> {
                    if (rootfs.isPresent()) createTarget(t, true);
                    mount("proc", t, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, null, false);
                }
                case Mount.Sysfs s -> {
                    if (rootfs.isPresent()) createTarget(t, true);
                    mount("sysfs", t, "sysfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, null, false);
                }
                case Mount.Devpts d -> {
                    if (rootfs.isPresent()) createTarget(t, true);
                    mount("devpts", t, "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620", false);
                }
                case Mount.Mask mk -> {
                    // Masks cover paths that some kernels lack: a missing one is not an error.
                    if (mk.directory()) mount("tmpfs", t, "tmpfs", MS_RDONLY, null, true);
                    else mount("/dev/null", t, null, MS_BIND, null, true);
                }
                case Mount.ReadOnly ro -> {
                    mount(t, t, null, MS_BIND | MS_REC, null, true);
                    mount(null, t, null, MS_BIND | MS_REMOUNT | MS_RDONLY, null, true);
                }
                case Mount.Symlink s -> add("symlink", s.linkTarget() + " -> " + t, SYS_symlink, cstr(s.linkTarget()), cstr(t));
            }
        }
        if (rootfs.isPresent()) {
            // pivot_root(".", ".") stacks the old root on top of the new one; detaching "." then drops it,
            // with no need for a put_old directory inside the rootfs.
            add("chdir", root, SYS_chdir, cstr(root));
            add("pivot_root", ". .", SYS_pivot_root, cstr("."), cstr("."));
            add("umount2", ". MNT_DETACH", SYS_umount2, cstr("."), MNT_DETACH);
            if (spec.workingDirectory().isEmpty()) add("chdir", "/", SYS_chdir, cstr("/"));
        }
    }

    private void createTarget(String path, boolean directory) {
        if (directory) add("mkdir", path, SYS_mkdir, cstr(path), 0755, 0, 0, 0, 0, true);
        else add("mknod", path + " S_IFREG", SYS_mknod, cstr(path), S_IFREG | 0644, 0, 0, 0, 0, true);
    }

    private void mount(String source, String target, String type, long flags, String data, boolean mayFail) {
        add("mount", Flags.describeMount(source, target, type, flags, data), SYS_mount, cstr(source), cstr(target),
                cstr(type), flags, cstr(data), 0, mayFail);
    }

    private void stdio(Optional<Fd> fd, int target) {
        fd.ifPresent(f -> {
            int n = f.get();
            if (n != target) add("dup3", n + " -> " + target, SYS_dup3, n, target, 0);
        });
    }

    private void execve() {
        List<String> cmd = spec.command();
        String path = Executables.resolve(cmd.get(0), spec.path(), spec.rootfs());
        List<String> env = spec.environment();
        MemorySegment envp = arena.allocate(ValueLayout.ADDRESS, env.size() + 1L);
        for (int i = 0; i < env.size(); i++) envp.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(env.get(i)));
        if (spec.init()) {
            // uvac-init PATH ARG...: it execs PATH itself, so it gets the resolved path, then the command's argv.
            List<String> initArgv = new java.util.ArrayList<>();
            initArgv.add("uvac-init");
            initArgv.add(path);
            initArgv.addAll(cmd.subList(1, cmd.size()));
            int memfd = InitProgram.memfd().get();
            add("execveat", "uvac-init (memfd " + memfd + ") " + path, SYS_execveat, memfd, cstr(""),
                    argv(initArgv).address(), envp.address(), fcntl_h.AT_EMPTY_PATH);
            return;
        }
        add("execve", path, SYS_execve, cstr(path), argv(cmd).address(), envp.address());
    }

    private MemorySegment argv(List<String> args) {
        MemorySegment argv = arena.allocate(ValueLayout.ADDRESS, args.size() + 1L);
        for (int i = 0; i < args.size(); i++) argv.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(args.get(i)));
        return argv;
    }

    private long cstr(String s) {
        return s == null ? 0 : arena.allocateFrom(s).address();
    }

    private void add(String op, String args, long nr, long... a) {
        steps.add(RawStep.of(op, args, nr, a));
    }

    private void add(String op, String args, long nr, long a0, long a1, long a2, long a3, long a4, long a5, boolean mayFail) {
        RawStep s = new RawStep(op, args, nr, a0, a1, a2, a3, a4, a5, false);
        steps.add(mayFail ? s.allowFailure() : s);
    }
}
