package io.uvac.bench.peers;

import io.uvac.bench.BenchEnv;
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
 * Peer runtimes in the same JMH run as uvac: each started with ProcessBuilder and waited for, so every
 * figure here is spawn-to-exit and compares with uvac's {@code spawnToExit}. Peers that are missing or
 * cannot run here are excluded by benchmarks/run-bench, which records why (results/tmp/peers.tsv).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PeerBench {

    @Param({"true", "unshare", "bwrap", "runc", "crun"})
    public String peer;

    private PeerRunner runner;

    @Setup(Level.Trial)
    public void start() throws Exception {
        runner = new PeerRunner(Peer.byId(peer), BenchEnv.bundle(), BenchEnv.work());
    }

    /**
     * Per iteration, on the thread that will run it: JMH keeps a Scope.Thread state on one worker thread,
     * and crun's mount-namespace workaround belongs to a thread.
     */
    @Setup(Level.Iteration)
    public void thread() throws Exception {
        runner.prepareThread();
    }

    @Benchmark
    public void spawnToExit() throws Exception {
        runner.runOnce();
    }

    @TearDown(Level.Trial)
    public void sweep() throws Exception {
        runner.close();
    }
}
