package io.uvac.launcher.host;

import io.uvac.cgroups.ByteSize;
import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import io.uvac.cgroups.SpawnAttachment;
import io.uvac.launcher.LauncherException;
import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Resource limits from the command line, and spawning straight into a container's cgroup. */
public final class Limits {
    /**
     * Below this a container fails while it is being set up (the kernel refuses to charge even the mount of its
     * /proc), far from the option that caused it; Docker draws its line at the same 6 MiB.
     */
    static final long MIN_MEMORY_BYTES = 6L << 20;

    private Limits() {}

    /** Builds {@link Resources} from docker-style option values (null = not given); bad values exit 125. */
    public static Resources parse(String memory, String cpus, String cpuset, Long pids) throws LauncherException {
        Resources.Builder b = Resources.builder();
        try {
            if (memory != null) b.memory(memory);
            if (cpus != null) b.cpus(cpus);
            if (cpuset != null) b.cpusetCpus(cpuset);
            if (pids != null) b.pidsMax(pids);
            Resources r = b.build();
            if (r.memoryBytes().isPresent() && r.memoryBytes().getAsLong() < MIN_MEMORY_BYTES)
                throw new LauncherException("memory limit " + memory + " is below the minimum of "
                        + ByteSize.format(MIN_MEMORY_BYTES) + ": a container cannot start with less");
            return r;
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage());
        }
    }

    /** {@code memory 128M, pids 64}, for the start-up summary. */
    public static String describe(Resources r) {
        List<String> parts = new ArrayList<>();
        r.memoryBytes().ifPresent(m -> parts.add("memory " + ByteSize.format(m)));
        r.cpus().ifPresent(c -> parts.add("cpus " + c));
        r.cpusetCpus().ifPresent(c -> parts.add("cpuset " + c));
        r.pidsMax().ifPresent(p -> parts.add("pids " + p));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Creates the group, turning the host checks (CPUs not online, missing controller) into one-line errors. */
    public static Cgroup create(Cgroups cgroups, String id, Resources r) throws LauncherException, IOException {
        try {
            return cgroups.create(id, r);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage());
        }
    }

    /**
     * Spawns {@code spec} inside {@code group} from its first instruction: CLONE_INTO_CGROUP on cgroup2, the
     * plan's writes to the v1 {@code cgroup.procs} files before execve.
     */
    public static ContainerProcess spawnInto(Cgroup group, ContainerSpec.Builder spec) throws IOException {
        try (SpawnAttachment attach = group.openForSpawn()) {
            spec.cgroupProcs(attach.procsFiles());
            attach.cgroupDir().ifPresent(spec::cgroupInto);
            return Containers.spawn(spec.build());
        }
    }
}
