package io.uvac.bench;

import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.ExitStatus;
import io.uvac.namespaces.Namespace;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code /bin/true} through {@link Containers#spawn} in a warm JVM, cases (a) to (d) of the benchmark issue:
 * no new namespace, pid, net, and the five of {@link Namespace#container()}.
 *
 * <p>{@code spawn} returns once the child has exec'd (CLONE_VFORK), so timing the call alone is spawn-to-exec;
 * the child is reaped outside the timed region. Spawn-to-exit adds the program's run and the reap, which
 * is what a peer measured from {@code ProcessBuilder} to {@code waitFor} pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpawnBench {

    @Param({"none", "pid", "net", "five"})
    public String namespaces;

    private ContainerSpec spec;

    @Setup(Level.Trial)
    public void spec() {
        spec = ContainerSpec.builder().command("/bin/true").namespaces(namespaceSet(namespaces)).build();
    }

    static Set<Namespace> namespaceSet(String name) {
        return switch (name) {
            case "none" -> EnumSet.noneOf(Namespace.class);
            case "pid" -> EnumSet.of(Namespace.PID);
            case "net" -> EnumSet.of(Namespace.NET);
            case "five" -> Namespace.container();
            default -> throw new IllegalArgumentException("unknown namespace set " + name);
        };
    }

    @Benchmark
    public ContainerProcess spawnToExec(Reaper reaper) throws Exception {
        return reaper.started = Containers.spawn(spec);
    }

    @Benchmark
    public ExitStatus spawnToExit() throws Exception {
        try (ContainerProcess p = Containers.spawn(spec)) {
            return Checks.exitedZero(p.waitFor(), "/bin/true");
        }
    }

    /** Reaps the child of {@code spawnToExec} after every call, outside the timed region. */
    @State(Scope.Thread)
    public static class Reaper {
        ContainerProcess started;

        @TearDown(Level.Invocation)
        public void reap() throws Exception {
            ContainerProcess p = started;
            started = null;
            if (p == null) return;
            try (p) {
                Checks.exitedZero(p.waitFor(), "/bin/true");
            }
        }
    }
}
