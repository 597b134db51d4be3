package io.uvac.launcher.demo;

import io.uvac.launcher.LauncherException;
import io.uvac.launcher.StopSignals;
import io.uvac.launcher.Trace;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import io.uvac.launcher.host.Limits;
import io.uvac.launcher.host.Preflight;
import io.uvac.launcher.host.ResourceNames;
import io.uvac.launcher.host.Sweeper;
import io.uvac.launcher.net.PortForwarder;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.ExitStatus;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.RtNetlink;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uva_container} with no arguments: two http_recorder containers, each alone on its port 8080. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start two copies of http_recorder.py, each in its own container (net, mount, pid, uts, ipc",
                "namespaces), each on port 8080 at its own address, published on localhost ports.",
                "Ctrl-C or SIGTERM stops both and removes everything created on the host."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--pool", description = "Address pool; container N gets the /30 at +N*256 (default: ${DEFAULT-VALUE}).")
    String pool = "10.200.0.0/16";

    @Option(names = "--ports", split = ",", description = "Host loopback ports for recorder-1,recorder-2 (default: 8081,8082).")
    List<Integer> ports = List.of(8081, 8082);

    @Option(names = "--state-dir", description = "Where served directories and logs live (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("/var/lib/uvac/demo");

    @Option(names = "--recorder", description = "The recorder program (default: http_recorder.py next to uva_container).")
    Path program;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory limit per recorder (default: ${DEFAULT-VALUE}).")
    String memory = "128M";

    @Option(names = "--pids", paramLabel = "N", description = "Process limit per recorder (default: ${DEFAULT-VALUE}).")
    long pids = 64;

    @Option(names = "--grace", description = "Seconds between SIGINT and SIGKILL on stop (default: ${DEFAULT-VALUE}).")
    double graceSeconds = 3;

    /** Start, wait until both answer, stop: for `make`'s AOT training run and start-up measurements. */
    @Option(names = "--exit-when-ready", hidden = true)
    boolean exitWhenReady;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Trace.mark("demo: start");
        Preflight.requirePrivileges();
        Path recorderProgram = recorderProgram();
        Preflight.requireExecutable("python3", ContainerSpec.DEFAULT_PATH, "install it with apt-get install python3");
        if (ports.size() != 2) throw new LauncherException("--ports needs two ports, e.g. 8081,8082");
        Resources limits = Limits.parse(memory, null, null, pids);
        Path state = stateDir.toAbsolutePath().normalize();
        if (state.startsWith("/tmp"))
            throw new LauncherException("--state-dir " + state + " is under /tmp, which each container replaces with its own; choose another");

        Trace.mark("preflight done");
        Cgroups cgroups = Cgroups.detect();
        Trace.mark("cgroups detected");
        List<String> swept = new ArrayList<>(Sweeper.sweepLinks());
        Trace.mark("links swept");
        for (String g : cgroups.sweep()) swept.add("cgroup " + g);
        Trace.mark("sweep done");
        if (!swept.isEmpty()) out.println("uva_container: removed leftovers of a launcher that died: " + String.join(", ", swept));

        Ipv4Cidr base = Ipv4Cidr.parse(pool);
        List<Ipv4Cidr> subnets = List.of(base.subnet(30, 64), base.subnet(30, 128));
        try (RtNetlink host = RtNetlink.open()) {
            Preflight.requireUnrouted(host, subnets);
        }

        Trace.mark("routes checked");
        long pid = ProcessHandle.current().pid();
        List<Recorder> recorders = new ArrayList<>();
        List<PortForwarder> forwarders = new ArrayList<>();
        StopSignals stop = StopSignals.install();
        try {
            for (int i = 0; i < 2; i++) {
                Recorder r = new Recorder("recorder-" + (i + 1), state, subnets.get(i),
                        ResourceNames.hostInterface(pid, i + 1), recorderProgram, cgroups, limits, out);
                recorders.add(r);
                forwarders.add(bindForwarder(ports.get(i), r));
            }
            // Both containers start at once, each from its own supervisor thread.
            List<CompletableFuture<?>> starts = new ArrayList<>();
            for (Recorder r : recorders) starts.add(r.start());
            for (CompletableFuture<?> f : starts) awaitStart(f);
            Trace.mark("both spawned");
            for (PortForwarder f : forwarders) f.start();
            for (int i = 0; i < 2; i++) describe(recorders.get(i), forwarders.get(i), limits);

            for (Recorder r : recorders) {
                if (!r.awaitListening(Duration.ofSeconds(15)) && !r.exit.isDone())
                    throw new LauncherException(r.name + " did not accept connections on " + r.address() + " within 15 s");
            }
            Trace.mark("both listening");
            if (recorders.stream().noneMatch(r -> r.exit.isDone()))
                out.printf("uva_container: both recorders answer (%.0f ms after start). Ctrl-C stops them.%n",
                        (System.nanoTime() - t0) / 1e6);

            if (exitWhenReady) return recorders.stream().anyMatch(r -> r.exit.isDone()) ? 1 : 0;
            CompletableFuture<Object> first = CompletableFuture.anyOf(stop.requested(),
                    recorders.get(0).exit, recorders.get(1).exit);
            Object why = first.exceptionally(t -> t).get();
            if (why instanceof Integer signal) {
                out.println("uva_container: stopping (" + (signal == 2 ? "SIGINT" : "SIGTERM") + ")");
                return 0;
            }
            for (Recorder r : recorders) {
                if (r.exit.isDone()) {
                    String how = r.exit.isCompletedExceptionally() ? "failed" : r.exit.get().toString();
                    out.println("uva_container: " + r.name + " ended on its own (" + how + "); stopping the other");
                }
            }
            return 1;
        } finally {
            try {
                cleanUp(recorders, forwarders);
            } finally {
                cgroups.removeParentIfEmpty(); // the shared "uvac" parent goes with the last group in it
                stop.uninstall();
            }
        }
    }

    private Path recorderProgram() throws LauncherException {
        Path p = program;
        if (p == null) {
            String home = System.getProperty("uvac.home");
            if (home == null) throw new LauncherException("no recorder program: pass --recorder PATH");
            p = Path.of(home, "http_recorder.py");
        }
        p = p.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new LauncherException("recorder program " + p + " does not exist");
        if (!Files.isExecutable(p)) throw new LauncherException("recorder program " + p + " is not executable (chmod +x it)");
        return p;
    }

    private static PortForwarder bindForwarder(int port, Recorder r) throws LauncherException, IOException {
        try {
            return PortForwarder.bind(port, r.address());
        } catch (BindException e) {
            throw new LauncherException("port " + port + " on 127.0.0.1 is already in use; stop what holds it "
                    + "(ss -ltnp 'sport = :" + port + "') or choose others with --ports");
        }
    }

    private static void awaitStart(CompletableFuture<?> f) throws Exception {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) throw new LauncherException("cannot start the recorders: " + ex.getMessage(), ex);
            throw e;
        }
    }

    private void describe(Recorder r, PortForwarder f, Resources limits) {
        out.printf("%s%n  container URL : http://%s:%d/%n  localhost URL : http://localhost:%d/%n"
                        + "  served dir    : %s%n  log           : %s%n  host veth     : %s (%s)%n  limits        : %s%n",
                r.name, r.address().getAddress().getHostAddress(), Recorder.PORT, f.port(), r.servedDirectory(), r.log(),
                r.hostInterface, r.subnet, Limits.describe(limits));
    }

    private void cleanUp(List<Recorder> recorders, List<PortForwarder> forwarders) throws Exception {
        Exception failure = null;
        for (PortForwarder f : forwarders) {
            try {
                f.close();
            } catch (IOException e) {
                failure = add(failure, e);
            }
        }
        Duration grace = Duration.ofMillis((long) (graceSeconds * 1000));
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Recorder r : recorders) {
            stops.add(CompletableFuture.runAsync(() -> {
                try {
                    r.stop(grace);
                } catch (Exception e) {
                    throw new RuntimeException(r.name + ": " + e.getMessage(), e);
                }
            }));
        }
        for (CompletableFuture<Void> s : stops) {
            try {
                s.join();
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        for (Recorder r : recorders) {
            r.exit.thenAccept(s -> out.println("uva_container: " + r.name + " " + describe(s)));
        }
        if (failure != null) throw failure;
    }

    private static String describe(ExitStatus s) {
        return s.toString();
    }

    private static Exception add(Exception first, Exception next) {
        if (first == null) return next;
        first.addSuppressed(next);
        return first;
    }
}
