package io.uvac.bench;

import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.CgroupHost;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cgroup part of a container: create a group with a memory limit, open what a spawn needs to join it,
 * and destroy it, on whatever layout the host has (here hybrid: one directory per v1 hierarchy plus cgroup2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CgroupBench {
    private static final Resources LIMITS = Resources.builder().memory("64M").build();

    private Cgroups cgroups;
    private long n;

    @Setup(Level.Trial)
    public void detect() throws Exception {
        cgroups = Cgroups.on(CgroupHost.detect(), FullContainer.CGROUP_PARENT);
        cgroups.sweep();
    }

    @Benchmark
    public boolean createLimitDestroy() throws Exception {
        Cgroup group = cgroups.create("c" + Long.toString(n++, 36), LIMITS);
        try {
            group.openForSpawn().close();
        } finally {
            group.destroy();
        }
        return group.isDestroyed();
    }

    @TearDown(Level.Trial)
    public void removeParent() throws Exception {
        cgroups.removeParentIfEmpty();
    }
}
