package io.uvac.cgroups.internal;

import io.uvac.cgroups.CpuList;
import io.uvac.cgroups.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CPUs and memory nodes online on this host, for checks a {@link Resources} cannot make alone.
 *
 * @param cpus {@code /sys/devices/system/cpu/online}
 * @param mems {@code /sys/devices/system/node/online}; node 0 alone on kernels built without NUMA
 */
public record HostTopology(CpuList cpus, CpuList mems) {

    public static HostTopology read(Path sysDevicesSystem) throws IOException {
        CpuList cpus = CpuList.parse(Files.readString(sysDevicesSystem.resolve("cpu/online")));
        CpuList mems;
        try {
            mems = CpuList.parse(Files.readString(sysDevicesSystem.resolve("node/online")));
        } catch (NoSuchFileException noNuma) {
            mems = CpuList.of(0);
        }
        return new HostTopology(cpus, mems);
    }

    public static HostTopology read() throws IOException {
        return read(Path.of("/sys/devices/system"));
    }

    /** Whether {@code r} asks for anything {@link #check} looks at, so the files need not be read otherwise. */
    public static boolean concerns(Resources r) {
        return r.cpusetCpus().isPresent() || r.cpusetMems().isPresent() || r.cpus().isPresent();
    }

    /** Throws IllegalArgumentException naming what {@code r} asks for that this host lacks. */
    public void check(Resources r) {
        r.cpusetCpus().ifPresent(c -> {
            CpuList absent = c.minus(cpus);
            if (!absent.isEmpty())
                throw new IllegalArgumentException("cpuset CPUs " + c + ": CPU " + absent
                        + " not online on this host (online: " + cpus + ")");
        });
        r.cpusetMems().ifPresent(m -> {
            CpuList absent = m.minus(mems);
            if (!absent.isEmpty())
                throw new IllegalArgumentException("cpuset memory nodes " + m + ": node " + absent
                        + " not online on this host (online: " + mems + ")");
        });
        r.cpus().ifPresent(n -> {
            if (n > cpus.size())
                throw new IllegalArgumentException("cpus " + n + " exceeds the " + cpus.size() + " CPUs of this host");
        });
    }
}
