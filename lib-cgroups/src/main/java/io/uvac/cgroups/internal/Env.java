package io.uvac.cgroups.internal;

import java.io.IOException;

/** What a {@code Cgroups} works with: the real kernel, or fakes in unit tests. */
public record Env(CgroupFs fs, Processes processes, Timeouts timeouts, TopologySource topology) {

    @FunctionalInterface
    public interface TopologySource {
        HostTopology read() throws IOException;
    }

    public static Env kernel() {
        return new Env(new KernelCgroupFs(), new KernelProcesses(), Timeouts.DEFAULT, HostTopology::read);
    }
}
