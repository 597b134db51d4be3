package io.uvac.launcher.demo;

import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import io.uvac.launcher.OutputPump;
import io.uvac.launcher.host.Limits;
import io.uvac.launcher.Trace;
import io.uvac.launcher.net.ContainerNetwork;
import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.ExitStatus;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.signal_h;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;

/**
 * One http_recorder container: its own net, mount, pid, uts and ipc namespaces, hostname = its name, its
 * directory {@code <state>/<name>/www} as working (served) directory and {@code <state>/<name>/tmp} bound
 * over {@code /tmp}, so its {@code /tmp/http_recorder.log} is {@code <state>/<name>/tmp/http_recorder.log}
 * on the host.
 */
final class Recorder {
    static final int PORT = 8080;

    final String name;
    final Path dir;
    final Ipv4Cidr subnet;
    final String hostInterface;
    private final Path program;
    private final PrintStream out;
    private final Cgroups cgroups;
    private final Resources limits;
    private Cgroup group;
    private ContainerNetwork network;
    private ContainerProcess process;
    private OutputPump output;
    /** Completes with the exit status when the container ends, exceptionally if it never started. */
    final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final CompletableFuture<ContainerProcess> started = new CompletableFuture<>();

    Recorder(String name, Path stateDir, Ipv4Cidr subnet, String hostInterface, Path program, Cgroups cgroups,
             Resources limits, PrintStream out) {
        this.cgroups = cgroups;
        this.limits = limits;
        this.name = name;
        this.dir = stateDir.resolve(name);
        this.subnet = subnet;
        this.hostInterface = hostInterface;
        this.program = program;
        this.out = out;
    }

    Path servedDirectory() { return dir.resolve("www"); }

    Path log() { return dir.resolve("tmp").resolve("http_recorder.log"); }

    /**
     * Where the container sees the recorder program: an empty file on the host, with the real program bound
     * over it read-only inside the container. The program may live anywhere, even under the /tmp that the
     * container replaces, because the bind is made before /tmp is covered.
     */
    private Path programMountPoint() { return dir.resolve(program.getFileName()); }

    InetSocketAddress address() { return new InetSocketAddress(subnet.host(2), PORT); }

    /**
     * Starts the container from a supervisor thread that stays alive until the container ends: the kernel
     * sends PR_SET_PDEATHSIG when the spawning thread exits, and a launcher killed with -9 takes its
     * containers along that way.
     */
    CompletableFuture<ContainerProcess> start() {
        Thread.ofPlatform().name("uvac-supervisor-" + name).daemon(true).start(this::supervise);
        return started;
    }

    private void supervise() {
        try {
            // The cgroup is made on another thread while this one builds the network: they are independent.
            CompletableFuture<Cgroup> cgroup = CompletableFuture.supplyAsync(this::createGroup, Recorder::platformThread);
            try {
                prepareDirectories();
                network = ContainerNetwork.create(hostInterface, subnet);
                Trace.mark(name + ": network");
            } finally {
                group = awaitGroup(cgroup); // owned even when the network failed, so stop() removes it
            }
            Trace.mark(name + ": cgroup");
            Fd[] pipe = Posix.pipe();
            output = OutputPump.start(name, pipe[0], out);
            try (Fd write = pipe[1]; Fd devNull = Posix.devNull()) {
                process = Limits.spawnInto(group, spec(write, devNull));
            }
            Trace.mark(name + ": spawned pid " + process.pid());
            started.complete(process);
        } catch (Throwable t) {
            started.completeExceptionally(t);
            exit.completeExceptionally(t);
            return;
        }
        try {
            exit.complete(process.waitFor());
        } catch (Throwable t) {
            exit.completeExceptionally(t);
        }
    }

    private Cgroup createGroup() {
        try {
            return Limits.create(cgroups, name, limits);
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static Cgroup awaitGroup(CompletableFuture<Cgroup> f) throws Exception {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    private static void platformThread(Runnable r) {
        Thread.ofPlatform().daemon(true).start(r);
    }

    private ContainerSpec.Builder spec(Fd output, Fd devNull) {
        return ContainerSpec.builder()
                .command(programMountPoint().toString())
                .env("PATH", ContainerSpec.DEFAULT_PATH)
                .env("PYTHONUNBUFFERED", "1")
                .env("LANG", "C.UTF-8")
                .env("HOSTNAME", name)
                .namespaces(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.PID))
                .networkNamespace(network.netns())
                .hostname(name)
                .mount(Mount.bind(program, programMountPoint().toString(), true))
                .mount(Mount.bind(dir.resolve("tmp"), "/tmp", false))
                .mount(Mount.bind(dir.resolve("hosts"), "/etc/hosts", true))
                .mount(Mount.proc("/proc"))
                .workingDirectory(servedDirectory().toString())
                .stdin(devNull)
                .stdout(output)
                .stderr(output)
                .newSession(true)
                .parentDeathSignal(signal_h.SIGKILL);
    }

    /**
     * Creates the served files on first run; an existing directory and log are kept as they are. Also writes
     * the container's {@code /etc/hosts}: http.server resolves its own name at start (socket.getfqdn), and
     * without an entry that lookup waits for DNS servers the container cannot reach (10 s here).
     */
    private void prepareDirectories() throws IOException {
        Path www = servedDirectory();
        Files.createDirectories(www);
        Files.createDirectories(dir.resolve("tmp"));
        if (!Files.exists(programMountPoint())) Files.createFile(programMountPoint());
        Files.writeString(dir.resolve("hosts"), "127.0.0.1\tlocalhost\n" + subnet.host(2).getHostAddress() + "\t" + name
                + "\n" + subnet.host(1).getHostAddress() + "\thost.uvac.internal\n");
        Path about = www.resolve("about-" + name + ".txt");
        if (!Files.exists(about)) {
            Files.writeString(about, "Served by " + name + " from " + www + "\n");
            Files.writeString(www.resolve(name + "-notes.txt"), "Only " + name + " lists this file.\n");
        }
    }

    /** Connects until the recorder accepts, or the deadline passes, or the container has ended. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoffMicros = 200;
        while (System.nanoTime() < deadline && !exit.isDone()) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(address(), 200);
                return true;
            } catch (IOException notYet) {
                // python has not bound yet: retry at a short, growing interval (no fixed sleeps)
                Thread.sleep(Duration.ofNanos(backoffMicros * 1000));
                backoffMicros = Math.min(backoffMicros * 2, 20_000);
            }
        }
        return false;
    }

    /**
     * Stops the recorder (SIGINT: python, as pid 1, ignores an unhandled SIGTERM from outside, but handles
     * SIGINT), waits for its output to drain, and removes its network.
     */
    void stop(Duration grace) throws Exception {
        Exception failure = null;
        try {
            if (process != null) {
                process.stop(signal_h.SIGINT, grace);
                process.close();
            }
        } catch (Exception e) {
            failure = e;
        }
        if (output != null) output.join(2_000);
        if (group != null) {
            try {
                group.destroy();
            } catch (Exception e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (network != null) {
            try {
                if (!network.destroy())
                    out.println("uva_container: " + name + "'s host interface " + hostInterface
                            + " was already gone (deleted from outside?)");
            } catch (Exception e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
