package io.uvac.launcher.run;

import io.uvac.launcher.LauncherException;
import io.uvac.launcher.StopSignals;
import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import io.uvac.launcher.host.Limits;
import io.uvac.launcher.host.Preflight;
import io.uvac.launcher.host.ResourceNames;
import io.uvac.launcher.host.Sweeper;
import io.uvac.launcher.net.ContainerNetwork;
import io.uvac.launcher.net.PortForwarder;
import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.ExitStatus;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.namespaces.StandardMounts;
import io.uvac.netlink.Address;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.Errno;
import io.uvac.sys.internal.Terminals;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.spawn.SpawnFailedException;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uva_container run}: one container, docker-style options, its exit status as ours. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run CMD (default /bin/sh) as PID 1 of a new container: new net, mount, pid, uts and ipc",
                "namespaces, its own /proc and /tmp, and optionally its own root filesystem, address and limits.",
                "Exit status: the command's; 128+N when killed by signal N; 125 uva_container's own errors;",
                "126 command not executable; 127 command not found."})
public final class RunCommand implements Callable<Integer> {
    static final int EXIT_NOT_EXECUTABLE = 126, EXIT_NOT_FOUND = 127;

    @Option(names = "--rootfs", paramLabel = "DIR", description = "Pivot into DIR (see `make rootfs`); without it the container keeps the host's tree.")
    Path rootfs;

    @Option(names = "--name", paramLabel = "NAME", description = "Container name (default: uvac-<pid>); also the default hostname.")
    String name;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Hostname inside (default: the name).")
    String hostname;

    @Option(names = "--ip", paramLabel = "ADDR/PREFIX", description = "Container address on its veth, e.g. 10.210.0.2/24; the host end gets another address of that subnet.")
    String ip;

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit, e.g. 64M, 1.5G (swap included).")
    String memory;

    @Option(names = "--cpus", paramLabel = "N", description = "CPU quota in CPUs, e.g. 0.5.")
    String cpus;

    @Option(names = "--cpuset", paramLabel = "LIST", description = "CPUs the container may run on, e.g. 0 or 0-1.")
    String cpuset;

    @Option(names = "--pids", paramLabel = "N", description = "Maximum number of processes.")
    Long pids;

    @Option(names = {"-p", "--publish"}, paramLabel = "HOST:CONTAINER", description = "Forward 127.0.0.1:HOST to the container's port (repeatable; needs --ip).")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-v", "--volume"}, paramLabel = "HOST:CONTAINER[:ro]", description = "Bind a host path into the container (repeatable).")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set an environment variable (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside (absolute).")
    String workdir;

    @Option(names = "--init", description = "Run uvac-init as PID 1: it reaps orphaned zombies and forwards signals to CMD.")
    boolean init;

    @Option(names = {"-t", "--tty"}, negatable = true, description = "Allocate a pty (default: when stdin is a terminal).")
    Boolean tty;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", description = "Grace after a forwarded SIGINT/SIGTERM before SIGKILL (default: ${DEFAULT-VALUE}).")
    double stopTimeout = 10;

    static final int MAX_STOP_TIMEOUT_SECONDS = 86_400;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "Command and arguments (default: /bin/sh).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunPlan plan = validate();
        Preflight.requirePrivileges();
        Sweeper.sweepLinks();
        Cgroups cgroups = Cgroups.detect();
        cgroups.sweep();
        return new RunSession(plan, cgroups).run();
    }

    /** Everything checked before anything is created on the host. */
    RunPlan validate() throws LauncherException, IOException {
        long pid = ProcessHandle.current().pid();
        String n = name != null ? name : "uvac-" + pid;
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}"))
            throw new LauncherException("invalid name '" + n + "': letters, digits, '_', '.', '-' (at most 63)");
        String host = hostname != null ? hostname : n;
        if (host.indexOf('\0') >= 0) throw new LauncherException("hostname contains a NUL byte");

        Path root = null;
        if (rootfs != null) {
            root = rootfs.toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) throw new LauncherException("rootfs " + root + " does not exist or is not a directory (try `make rootfs`)");
            // pivot_root cannot make the current root the new one (EBUSY deep in the setup); say it here.
            if (isHostRoot(root))
                throw new LauncherException("rootfs " + rootfs + " is the host's own root; leave out --rootfs to keep the host's tree");
        }
        List<String> cmd = command.isEmpty() ? List.of("/bin/sh") : command;

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", ContainerSpec.DEFAULT_PATH);
        environment.put("HOSTNAME", host);
        environment.put("HOME", "/root");
        boolean useTty = tty != null ? tty : Terminals.isTerminal(0);
        if (useTty) environment.put("TERM", System.getenv().getOrDefault("TERM", "xterm"));
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) throw new LauncherException("invalid environment entry '" + e + "': expected K=V");
            if (e.indexOf('\0') >= 0) throw new LauncherException("environment entry contains a NUL byte");
            environment.put(e.substring(0, eq), e.substring(eq + 1));
        }
        if (workdir != null && !workdir.startsWith("/")) throw new LauncherException("working directory '" + workdir + "' must be absolute");

        List<Volume> vols = new ArrayList<>();
        for (String v : volumes) vols.add(Volume.parse(v));
        List<Publish> ports = new ArrayList<>();
        for (String p : publish) ports.add(Publish.parse(p));

        Ipv4Cidr address = null;
        Inet4Address hostAddress = null;
        if (ip != null) {
            try {
                address = Ipv4Cidr.parse(ip);
            } catch (IllegalArgumentException e) {
                throw new LauncherException("invalid --ip '" + ip + "': " + e.getMessage());
            }
            if (address.prefixLength() < 8 || address.prefixLength() > 30)
                throw new LauncherException("invalid --ip '" + ip + "': the prefix must be /8 to /30 (room for the host end)");
            if (address.isNetwork() || address.address().equals(address.network().host(address.network().size() - 1)))
                throw new LauncherException("invalid --ip '" + ip + "': that is the subnet's network or broadcast address");
            hostAddress = address.network().host(1).equals(address.address()) ? address.network().host(2) : address.network().host(1);
            checkAddressFree(address, hostAddress);
        } else if (!ports.isEmpty()) {
            throw new LauncherException("-p needs --ip: the published port forwards to the container's address");
        }
        // NaN, negative or absurd graces would turn into a zero or overflowing Duration without a word.
        if (!(stopTimeout >= 0 && stopTimeout <= MAX_STOP_TIMEOUT_SECONDS))
            throw new LauncherException("--stop-timeout must be 0 to " + MAX_STOP_TIMEOUT_SECONDS + " seconds, got " + stopTimeout);
        Resources limits = Limits.parse(memory, cpus, cpuset, pids);
        RunPlan plan = new RunPlan(n, host, root, cmd, environment, workdir, vols, ports, address, hostAddress, limits, init,
                useTty, ResourceNames.hostInterface(pid, 1), Duration.ofMillis((long) (stopTimeout * 1000)));
        // What lib-namespaces refuses (a hostname too long, a mount target it cannot take) is refused now, before
        // a port is bound or a network made, rather than at the spawn.
        try {
            plan.spec().build();
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage());
        }
        return plan;
    }

    /** The container's address, or its subnet, already on the host would make two machines answer for it. */
    private static void checkAddressFree(Ipv4Cidr address, Inet4Address hostAddress) throws LauncherException, IOException {
        try (RtNetlink host = RtNetlink.open()) {
            for (Address a : host.addresses()) {
                if (a.address().address().equals(address.address()) || a.address().address().equals(hostAddress))
                    throw new LauncherException("address " + a.address().address().getHostAddress() + " is already in use on the host");
            }
            Preflight.requireUnrouted(host, List.of(address.network()));
        }
    }

    private static boolean isHostRoot(Path dir) {
        try {
            return Files.isSameFile(dir, Path.of("/"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The validated request. */
    record RunPlan(String name, String hostname, Path rootfs, List<String> command, Map<String, String> env,
                   String workdir, List<Volume> volumes, List<Publish> ports, Ipv4Cidr address,
                   Inet4Address hostAddress, Resources limits, boolean init, boolean tty, String hostInterface, Duration stopTimeout) {

        List<Mount> mounts() {
            List<Mount> m = new ArrayList<>();
            if (rootfs != null) {
                m.addAll(StandardMounts.forRootfs());
            } else {
                m.add(Mount.proc("/proc"));
                m.add(Mount.tmpfs("/tmp", "mode=1777,size=256m"));
                m.addAll(StandardMounts.masks());
            }
            for (Volume v : volumes) m.add(Mount.bind(v.host(), v.container(), v.readOnly()));
            return m;
        }

        /** The container as lib-namespaces sees it, without its network namespace, which the run makes later. */
        ContainerSpec.Builder spec() {
            ContainerSpec.Builder b = ContainerSpec.builder()
                    .command(command)
                    .namespaces(namespaces())
                    .hostname(hostname)
                    .mounts(mounts())
                    .parentDeathSignal(signal_h.SIGKILL)
                    .init(init);
            env.forEach(b::env);
            if (rootfs != null) b.rootfs(rootfs);
            if (workdir != null) b.workingDirectory(workdir);
            return b;
        }

        EnumSet<Namespace> namespaces() {
            EnumSet<Namespace> ns = EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID);
            if (address == null) ns.add(Namespace.NET);
            return ns;
        }
    }

    /** Maps a failed spawn to docker's exit statuses: 127 not found, 126 not executable, 125 setup. */
    static LauncherException spawnFailure(SpawnFailedException e) {
        if (e.operation().equals("execve")) {
            if (e.errno() == Errno.ENOENT)
                return new LauncherException(e.arguments() + ": command not found (" + e.getMessage() + ")", EXIT_NOT_FOUND, e);
            if (e.errno() == Errno.EACCES || e.errno() == 8 /* ENOEXEC */)
                return new LauncherException(e.arguments() + ": command not executable (" + e.getMessage() + ")", EXIT_NOT_EXECUTABLE, e);
        }
        return new LauncherException("container setup failed: " + e.getMessage(), e);
    }

    /** One run: network, forwarders, spawn, wait, clean up. */
    static final class RunSession {
        private final RunPlan plan;
        private final Cgroups cgroups;
        private Cgroup group;

        RunSession(RunPlan plan, Cgroups cgroups) {
            this.plan = plan;
            this.cgroups = cgroups;
        }

        int run() throws Exception {
            List<PortForwarder> forwarders = new ArrayList<>();
            ContainerNetwork network = null;
            StopSignals stop = StopSignals.install();
            try {
                for (Publish p : plan.ports()) forwarders.add(bind(p));
                if (!plan.limits().isEmpty()) group = Limits.create(cgroups, plan.name(), plan.limits());
                if (plan.address() != null) {
                    network = ContainerNetwork.create(plan.hostInterface(), plan.address(), plan.hostAddress());
                    System.err.println("uva_container: " + plan.name() + " at " + plan.address().address().getHostAddress()
                            + ", host end " + plan.hostInterface() + " " + plan.hostAddress().getHostAddress() + "/" + plan.address().prefixLength());
                }
                return plan.tty() ? runWithTty(network, forwarders, stop) : runPlain(network, forwarders, stop);
            } finally {
                for (PortForwarder f : forwarders) f.close();
                if (network != null && !network.destroy())
                    System.err.println("uva_container: host interface " + plan.hostInterface() + " was already gone (deleted from outside?)");
                try {
                    if (group != null) group.destroy();
                } finally {
                    if (group != null) cgroups.removeParentIfEmpty();
                    stop.uninstall();
                }
            }
        }

        private PortForwarder bind(Publish p) throws LauncherException, IOException {
            try {
                return PortForwarder.bind(p.hostPort(), new InetSocketAddress(plan.address().address(), p.containerPort()));
            } catch (BindException e) {
                throw new LauncherException("port " + p.hostPort() + " on 127.0.0.1 is already in use");
            }
        }

        private ContainerSpec.Builder spec(ContainerNetwork network) {
            ContainerSpec.Builder b = plan.spec();
            if (network != null) b.networkNamespace(network.netns());
            return b;
        }

        private ContainerProcess spawn(ContainerSpec.Builder spec, List<PortForwarder> forwarders) throws LauncherException, IOException {
            try {
                ContainerProcess p = group != null ? Limits.spawnInto(group, spec) : Containers.spawn(spec.build());
                for (PortForwarder f : forwarders) f.start();
                return p;
            } catch (SpawnFailedException e) {
                throw spawnFailure(e);
            }
        }

        private int runPlain(ContainerNetwork network, List<PortForwarder> forwarders, StopSignals stop) throws Exception {
            // Its own session: a Ctrl-C on this terminal reaches the launcher, which forwards it (as docker does).
            try (ContainerProcess p = spawn(spec(network).newSession(true), forwarders)) {
                stop.requested().thenAccept(sig -> forward(p, sig));
                return exitCode(p.waitFor());
            }
        }

        private int runWithTty(ContainerNetwork network, List<PortForwarder> forwarders, StopSignals stop) throws Exception {
            Terminals.Pty pty = Terminals.openPty();
            ContainerProcess p;
            try {
                p = spawn(spec(network).stdin(pty.slave()).stdout(pty.slave()).stderr(pty.slave())
                        .controllingTerminal(true), forwarders);
            } catch (Exception e) {
                pty.close();
                throw e;
            }
            try (p; TtySession session = TtySession.attach(pty)) {
                stop.requested().thenAccept(sig -> forward(p, sig));
                ExitStatus s = p.waitFor();
                session.drain(2_000);
                return exitCode(s);
            }
        }

        /** Forwards SIGINT/SIGTERM; pid 1 may ignore it, so SIGKILL follows after the stop timeout. */
        private void forward(ContainerProcess p, int signal) {
            try {
                p.signal(signal);
                Thread.ofPlatform().daemon(true).start(() -> {
                    try {
                        if (p.waitFor(plan.stopTimeout()).isEmpty()) p.kill();
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                });
            } catch (IOException ignored) {
                // the process is gone
            }
        }

        private static int exitCode(ExitStatus s) {
            return s.shellCode();
        }
    }
}
