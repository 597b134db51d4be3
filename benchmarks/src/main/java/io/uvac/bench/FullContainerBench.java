package io.uvac.bench;

import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.CgroupPool;
import io.uvac.namespaces.ExitStatus;
import io.uvac.netlink.Ipv4Cidr;
import io.uvac.netlink.PreparedNetwork;
import io.uvac.netlink.PreparedNetworkPool;
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
 * (e) the full container with its network wired and its group created during the timed call, and (f) the same
 * container from the prepared pools: a network from a {@link PreparedNetworkPool} and a group, created with its
 * memory limit and its spawn descriptors open, from a {@link CgroupPool}, both taken before the timed call, so
 * the figure is clone3 + plan (setns, the v1 cgroup.procs writes) + exec.
 * <ul>
 *   <li>"pool": takes, then waits until both pools have refilled what was taken, so no refill runs during the
 *       spawn: the pools' best case, as on a machine with a core to spare for them.</li>
 *   <li>"pool-refilling": spawns as soon as both are ready, so the refill threads work beside every spawn and
 *       compete with it for the two CPUs.</li>
 *   <li>"pool-new-cgroup": the network from its pool, the group created in the timed call (the cost of a
 *       group made on demand).</li>
 *   <li>"pool-no-cgroup": the network from its pool and no group at all.</li>
 *   <li>"one-netns-no-cgroup": every container into one long-lived prepared namespace, so no namespace is made
 *       or destroyed per spawn.</li>
 * </ul>
 * In all cases the kernel's teardown of earlier containers (namespaces, veths, memory cgroups) may still be
 * running, as it would in a busy host; "fresh" runs back to back like (a) to (d).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FullContainerBench {
    private static final int POOL_SIZE = 8;

    @Param({"fresh", "pool", "pool-refilling", "pool-new-cgroup", "pool-no-cgroup", "one-netns-no-cgroup"})
    public String network;

    private FullContainer container;
    private PreparedNetworkPool pool;
    private CgroupPool groupPool;
    private PreparedNetwork taken;
    private Cgroup takenGroup;
    private PreparedNetwork shared;
    private FullContainer.Running started;

    @Setup(Level.Trial)
    public void open() throws Exception {
        container = new FullContainer('f', Ipv4Cidr.parse("10.213.0.0/16"));
        if (network.startsWith("one-netns"))
            shared = PreparedNetwork.create(container.host(), "uvac" + ProcessHandle.current().pid() + "s", Ipv4Cidr.parse("10.218.0.0/30"));
        if (network.startsWith("pool"))
            pool = PreparedNetworkPool.builder().size(POOL_SIZE).addresses(Ipv4Cidr.parse("10.214.0.0/16")).build();
        if (network.equals("pool") || network.equals("pool-refilling"))
            groupPool = CgroupPool.builder(container.cgroups()).resources(FullContainer.LIMITS).size(POOL_SIZE).build();
    }

    @Setup(Level.Invocation)
    public void takeFromPool() throws Exception {
        if (pool == null) return;
        taken = pool.take();
        if (groupPool != null) takenGroup = groupPool.take();
        if (!network.equals("pool-refilling")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pool.ready() < POOL_SIZE || (groupPool != null && groupPool.ready() < POOL_SIZE)) {
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException("pools not refilled in 30 s: " + pool + ", " + groupPool);
                Thread.sleep(0, 200_000);
            }
        }
    }

    private FullContainer.Running spawn() throws Exception {
        if (shared != null) return container.spawnInto(shared, false);
        if (pool == null) return container.spawnFresh();
        PreparedNetwork net = taken;
        taken = null;
        if (groupPool != null) {
            FullContainer.Running r = container.spawnInto(net, takenGroup);
            takenGroup = null; // the Running owns it now
            return r;
        }
        if (!network.equals("pool-no-cgroup")) return container.spawnInto(net, true);
        try (net) {
            return container.spawnInto(net, false);
        }
    }

    @Benchmark
    public FullContainer.Running spawnToExec() throws Exception {
        return started = spawn();
    }

    /** The exit is reaped inside the timed call; the group's removal follows in the untimed tear-down. */
    @Benchmark
    public ExitStatus spawnToExit() throws Exception {
        FullContainer.Running r = started = spawn();
        return Checks.exitedZero(r.waitFor(), "/bin/true");
    }

    @TearDown(Level.Invocation)
    public void reap() throws Exception {
        FullContainer.Running r = started;
        started = null;
        FullContainer.Running.reap(r);
        if (taken != null) { // the timed call failed before using it
            taken.close();
            taken = null;
        }
        if (takenGroup != null) {
            takenGroup.destroy();
            takenGroup = null;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        // Each closed even when one before it fails; the container (and the cgroup parent) last.
        try (FullContainer c = container;
             AutoCloseable s = shared;
             AutoCloseable g = groupPool;
             AutoCloseable p = pool) {
            // try-with-resources closes in reverse order: pool, groupPool, shared, container
        }
    }
}
