package io.uvac.bench;

import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.netlink.Ipv4Cidr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The full-container spawn (e) from JVMs of 64 MB, 2 GB and 8 GB resident heap. A fork-like clone copies the
 * page tables of the whole JVM, so its cost grows with the heap (DESIGN §3: ~2 ms to ~170 ms over this
 * range); uvac's CLONE_VM stub shares them and should not. {@code -XX:+AlwaysPreTouch} makes the heap
 * resident before the first spawn; each fork records its VmRSS for the report.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HeapSizeBench {

    /**
     * "full" is the container spawn the issue asks about, case (e) with its network wired during the call;
     * "bare" is clone3 + execve with no new namespace, where a page-table copy would show most plainly because
     * nothing else (netns creation above all) adds noise.
     */
    @Param({"bare", "full"})
    public String spawn;

    private final ContainerSpec bare = ContainerSpec.builder().command("/bin/true").build();
    private FullContainer full;

    @Setup(Level.Trial)
    public void open() throws Exception {
        if (spawn.equals("full")) full = new FullContainer('h', Ipv4Cidr.parse("10.217.0.0/16"));
    }

    private FullContainer.Running started;

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (full != null) full.close();
    }

    private FullContainer.Running spawnOnce() throws Exception {
        return started = full != null ? full.spawnFresh() : new FullContainer.Running(Containers.spawn(bare), null);
    }

    /** Reaps the child (and removes its group) after every call, outside the timed region. */
    @TearDown(Level.Invocation)
    public void reap() throws Exception {
        FullContainer.Running r = started;
        started = null;
        FullContainer.Running.reap(r);
    }

    @Setup(Level.Trial)
    public void recordResidentSize(BenchmarkParams params) throws IOException {
        String[] name = params.getBenchmark().split("\\.");
        String key = "HeapSizeBench." + name[name.length - 1] + "[spawn=" + params.getParam("spawn") + "]";
        String line = key + "\t" + residentKiB() + "\t" + Runtime.getRuntime().maxMemory() + "\n";
        Files.writeString(BenchEnv.work().resolve("heap-rss.tsv"), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long residentKiB() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status")))
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        return -1;
    }

    @Benchmark
    @Fork(jvmArgsAppend = {"-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch"})
    public FullContainer.Running heap64m() throws Exception {
        return spawnOnce();
    }

    @Benchmark
    @Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
    public FullContainer.Running heap2g() throws Exception {
        return spawnOnce();
    }

    @Benchmark
    @Fork(jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
    public FullContainer.Running heap8g() throws Exception {
        return spawnOnce();
    }
}
