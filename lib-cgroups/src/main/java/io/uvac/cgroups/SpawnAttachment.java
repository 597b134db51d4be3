package io.uvac.cgroups;

import io.uvac.sys.Fd;
import java.util.List;
import java.util.Optional;

/**
 * Descriptors that let a spawn put its child into a group before the child runs anything of its own, opened
 * by {@link Cgroup#openForSpawn()} and owned by the caller, who closes them once the child has been spawned.
 * <ul>
 *   <li>{@link #procsFiles()}: cgroup v1, one {@code cgroup.procs} per hierarchy, opened O_WRONLY|O_CLOEXEC; the
 *       child writes {@code "0"} to each before execve (the kernel reads "0" as "the writing process").</li>
 *   <li>{@link #cgroupDir()}: cgroup v2, the group's directory (O_RDONLY|O_DIRECTORY|O_CLOEXEC) for clone3's
 *       CLONE_INTO_CGROUP, which creates the child inside the group.</li>
 * </ul>
 * A hybrid host gives both: the controllers live on v1, the v2 group tracks the processes.
 *
 * <pre>
 * try (SpawnAttachment a = group.openForSpawn()) {
 *     ContainerSpec.Builder spec = ContainerSpec.builder().command("/bin/sh", "-c", "exec my-server")
 *             .cgroupProcs(a.procsFiles());
 *     a.cgroupDir().ifPresent(spec::cgroupInto);
 *     process = Containers.spawn(spec.build());
 * }
 * </pre>
 */
public final class SpawnAttachment implements AutoCloseable {
    private final List<Fd> procsFiles;
    private final Fd cgroupDir;

    SpawnAttachment(List<Fd> procsFiles, Fd cgroupDir) {
        this.procsFiles = List.copyOf(procsFiles);
        this.cgroupDir = cgroupDir;
    }

    /** v1: pre-opened {@code cgroup.procs} files, one per hierarchy the group spans; empty on a unified host. */
    public List<Fd> procsFiles() {
        return procsFiles;
    }

    /** v2: the directory fd for CLONE_INTO_CGROUP; empty on a legacy host. */
    public Optional<Fd> cgroupDir() {
        return Optional.ofNullable(cgroupDir);
    }

    /** Closes every descriptor; idempotent. */
    @Override
    public void close() {
        for (Fd fd : procsFiles) fd.close();
        if (cgroupDir != null) cgroupDir.close();
    }

    @Override
    public String toString() {
        return "SpawnAttachment[procsFiles=" + procsFiles + ", cgroupDir=" + cgroupDir + "]";
    }
}
