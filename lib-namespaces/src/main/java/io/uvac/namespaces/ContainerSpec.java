package io.uvac.namespaces;

import io.uvac.sys.Fd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to run and how to isolate it; immutable, built with {@link #builder()}. Fds in the spec (stdio,
 * network namespace, cgroup handles) stay owned by the caller and must stay open until the spawn returns.
 *
 * <pre>
 * ContainerSpec spec = ContainerSpec.builder()
 *         .command("/bin/sh", "-c", "hostname; echo $$")
 *         .namespaces(Namespace.container())
 *         .hostname("box")
 *         .mount(Mount.proc("/proc"))
 *         .build();
 * try (ContainerProcess p = Containers.spawn(spec)) {
 *     ExitStatus status = p.waitFor();
 * }
 * </pre>
 */
public record ContainerSpec(
        List<String> command,
        List<String> environment,
        Set<Namespace> namespaces,
        Optional<String> hostname,
        Optional<String> workingDirectory,
        Optional<Path> rootfs,
        List<Mount> mounts,
        Optional<Fd> stdin,
        Optional<Fd> stdout,
        Optional<Fd> stderr,
        boolean newSession,
        boolean controllingTerminal,
        Optional<Fd> networkNamespace,
        List<Fd> cgroupProcs,
        Optional<Fd> cgroupInto,
        int parentDeathSignal,
        boolean noNewPrivileges,
        boolean init) {

    /** PATH for containers whose environment names none. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ContainerSpec {
        command = List.copyOf(command);
        environment = List.copyOf(environment);
        namespaces = namespaces.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(namespaces));
        mounts = List.copyOf(mounts);
        cgroupProcs = List.copyOf(cgroupProcs);
        validate(command, environment, namespaces, hostname, workingDirectory, rootfs, mounts, networkNamespace);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** PATH from the environment, or {@link #DEFAULT_PATH}. */
    public String path() {
        for (String e : environment) if (e.startsWith("PATH=")) return e.substring(5);
        return DEFAULT_PATH;
    }

    private static void validate(List<String> command, List<String> environment, Set<Namespace> namespaces,
                                 Optional<String> hostname, Optional<String> workingDirectory, Optional<Path> rootfs,
                                 List<Mount> mounts, Optional<Fd> networkNamespace) {
        if (command.isEmpty()) throw new IllegalArgumentException("command is empty: give at least the program to run");
        if (command.get(0).isEmpty()) throw new IllegalArgumentException("program name is empty");
        for (String arg : command) Validate.noNul("command argument", arg);
        for (String e : environment) {
            Validate.noNul("environment entry", e);
            int eq = e.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("environment entry must be NAME=VALUE: " + e);
        }
        hostname.ifPresent(h -> {
            Validate.noNul("hostname", h);
            int len = h.getBytes(StandardCharsets.UTF_8).length;
            if (len == 0 || len > 64)
                throw new IllegalArgumentException("hostname must be 1 to 64 bytes (HOST_NAME_MAX), got " + len + ": " + h);
            if (!namespaces.contains(Namespace.UTS))
                throw new IllegalArgumentException("a hostname needs Namespace.UTS, or it would rename the host");
        });
        workingDirectory.ifPresent(w -> Validate.absolute("working directory", w));
        rootfs.ifPresent(r -> {
            Validate.path("rootfs", r.toString());
            if (!namespaces.contains(Namespace.MOUNT)) throw new IllegalArgumentException("a rootfs needs Namespace.MOUNT");
        });
        if (!mounts.isEmpty() && !namespaces.contains(Namespace.MOUNT))
            throw new IllegalArgumentException("mounts need Namespace.MOUNT, or they would change the host's mount table");
        if (networkNamespace.isPresent() && namespaces.contains(Namespace.NET))
            throw new IllegalArgumentException("give either a prepared network namespace or Namespace.NET, not both");
    }

    /** Builder; every setter returns {@code this}. */
    public static final class Builder {
        private List<String> command = List.of();
        private final List<String> environment = new ArrayList<>();
        private final EnumSet<Namespace> namespaces = EnumSet.noneOf(Namespace.class);
        private String hostname;
        private String workingDirectory;
        private Path rootfs;
        private final List<Mount> mounts = new ArrayList<>();
        private Fd stdin, stdout, stderr;
        private boolean newSession;
        private boolean controllingTerminal;
        private Fd networkNamespace;
        private final List<Fd> cgroupProcs = new ArrayList<>();
        private Fd cgroupInto;
        private int parentDeathSignal;
        private boolean noNewPrivileges = true;
        private boolean init;

        private Builder() {}

        public Builder command(String... argv) { return command(List.of(argv)); }

        public Builder command(List<String> argv) { this.command = List.copyOf(argv); return this; }

        /** Adds {@code NAME=VALUE}; the container starts with no other environment. */
        public Builder env(String name, String value) { environment.add(name + "=" + value); return this; }

        public Builder environment(List<String> entries) { environment.addAll(entries); return this; }

        public Builder namespaces(Set<Namespace> set) { namespaces.addAll(set); return this; }

        public Builder namespace(Namespace ns) { namespaces.add(ns); return this; }

        public Builder hostname(String name) { this.hostname = name; return this; }

        public Builder workingDirectory(String dir) { this.workingDirectory = dir; return this; }

        /** Pivot into this directory: it becomes the container's {@code /}. */
        public Builder rootfs(Path dir) { this.rootfs = dir; return this; }

        public Builder mount(Mount m) { mounts.add(m); return this; }

        public Builder mounts(List<Mount> ms) { mounts.addAll(ms); return this; }

        /** Fds to become the container's 0, 1, 2; absent ones are inherited from this JVM. */
        public Builder stdin(Fd fd) { this.stdin = fd; return this; }

        public Builder stdout(Fd fd) { this.stdout = fd; return this; }

        public Builder stderr(Fd fd) { this.stderr = fd; return this; }

        /** Start a new session ({@code setsid}): terminal signals of this JVM's session no longer reach it. */
        public Builder newSession(boolean on) { this.newSession = on; return this; }

        /** New session with stdin (a pty slave) as its controlling terminal ({@code TIOCSCTTY}). */
        public Builder controllingTerminal(boolean on) {
            this.controllingTerminal = on;
            if (on) newSession = true;
            return this;
        }

        /** Join this prepared network namespace instead of creating an empty one. */
        public Builder networkNamespace(Fd netns) { this.networkNamespace = netns; return this; }

        /** cgroup v1: the plan writes "0" to each of these open {@code cgroup.procs} files before execve. */
        public Builder cgroupProcs(List<Fd> procsFiles) { cgroupProcs.addAll(procsFiles); return this; }

        /** cgroup v2: clone straight into this group directory (CLONE_INTO_CGROUP). */
        public Builder cgroupInto(Fd groupDir) { this.cgroupInto = groupDir; return this; }

        /**
         * Signal the container gets when the thread that spawned it ends ({@code PR_SET_PDEATHSIG}; 0: none).
         * The kernel ties this to the spawning thread, not the JVM: spawn from a thread that lives as long
         * as the container should.
         */
        public Builder parentDeathSignal(int signal) { this.parentDeathSignal = signal; return this; }

        /** {@code PR_SET_NO_NEW_PRIVS}; on by default. */
        public Builder noNewPrivileges(boolean on) { this.noNewPrivileges = on; return this; }

        /**
         * Run uvac-init as PID 1 with the command as its child (docker's {@code --init}): it reaps orphaned
         * zombies, forwards SIGHUP/INT/QUIT/USR1/USR2/TERM/WINCH, and exits with the command's status.
         */
        public Builder init(boolean on) { this.init = on; return this; }

        public ContainerSpec build() {
            return new ContainerSpec(command, environment, namespaces, Optional.ofNullable(hostname),
                    Optional.ofNullable(workingDirectory), Optional.ofNullable(rootfs), mounts,
                    Optional.ofNullable(stdin), Optional.ofNullable(stdout), Optional.ofNullable(stderr), newSession, controllingTerminal,
                    Optional.ofNullable(networkNamespace), cgroupProcs, Optional.ofNullable(cgroupInto),
                    parentDeathSignal, noNewPrivileges, init);
        }
    }
}
