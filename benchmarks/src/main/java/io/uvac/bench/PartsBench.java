package io.uvac.bench;

import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Mount;
import io.uvac.namespaces.Namespace;
import io.uvac.namespaces.NetworkNamespace;
import io.uvac.namespaces.internal.Plan;
import io.uvac.namespaces.internal.PlanBuilder;
import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The parts of a container spawn that happen before clone3, timed alone so the whole can be explained.
 * Plan rendering uses the library's internal {@link PlanBuilder} directly (the class path makes it
 * reachable): it is exactly what {@code Containers.spawn} does before the clone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PartsBench {

    /** The five namespaces, a hostname and a fresh /proc: what a small container asks for. */
    private final ContainerSpec containerSpec = ContainerSpec.builder()
            .command("/bin/true")
            .namespaces(Namespace.container())
            .hostname("bench")
            .mount(Mount.proc("/proc"))
            .build();

    /** Spec to native step array: strings, argv, envp and one 64-byte record per syscall. */
    @Benchmark
    public int planRendering() {
        try (Arena arena = Arena.ofConfined()) {
            Plan plan = PlanBuilder.build(arena, containerSpec);
            return plan.steps().size();
        }
    }

    /**
     * An empty network namespace held by an fd: a platform thread that unshares and opens its
     * /proc/thread-self/ns/net. Closing the fd lets the kernel free the namespace (asynchronously).
     */
    @Benchmark
    public boolean netnsCreate() throws Exception {
        try (NetworkNamespace ns = NetworkNamespace.create()) {
            return ns.fd().isOpen();
        }
    }
}
