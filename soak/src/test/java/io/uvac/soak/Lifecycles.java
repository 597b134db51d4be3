package io.uvac.soak;

import io.uvac.cgroups.Cgroup;
import io.uvac.cgroups.Cgroups;
import io.uvac.cgroups.Resources;
import io.uvac.cgroups.SpawnAttachment;
import io.uvac.namespaces.ContainerProcess;
import io.uvac.namespaces.ContainerSpec;
import io.uvac.namespaces.Containers;
import io.uvac.namespaces.ExitStatus;
import io.uvac.namespaces.Namespace;
import io.uvac.namespaces.NetworkNamespace;
import io.uvac.netlink.RtNetlink;
import io.uvac.sys.Errno;
import io.uvac.sys.spawn.SpawnFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one container lifecycle of a given kind through the libraries, the way an embedding program would,
 * and returns how it ended as text; {@link #expected} says what that text must be. Every wait is bounded:
 * a container that outlives its deadline is reported as {@code "no exit status"} (a hang or a lost status),
 * then killed.
 */
final class Lifecycles {
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Cgroups cgroups;
    private final String linkPrefix;

    Lifecycles(Cgroups cgroups, String linkPrefix) {
        this.cgroups = cgroups;
        this.linkPrefix = linkPrefix;
    }

    static String expected(LifecycleKind kind, int i) {
        return switch (kind) {
            case NORMAL_EXIT -> new ExitStatus.Exited(i % 120).toString();
            case EXEC_FAILURE -> "spawn failed: execve ENOENT";
            case OOM_KILL -> new ExitStatus.Killed(9, false) + ", oom_kill >= 1";
            case SIGTERM -> new ExitStatus.Killed(15, false).toString();
            case STOP_PID1 -> new ExitStatus.Killed(9, false) + ", seen once by both waiters";
            case NETWORKED -> new ExitStatus.Exited(5).toString();
        };
    }

    String run(LifecycleKind kind, int i) throws Exception {
        return switch (kind) {
            case NORMAL_EXIT -> waitFor(spawn(base("/bin/sh", "-c", "exit " + (i % 120))));
            case EXEC_FAILURE -> execFailure(i);
            case OOM_KILL -> oomKill(i);
            case SIGTERM -> sigterm();
            case STOP_PID1 -> stopPid1();
            case NETWORKED -> networked(i);
        };
    }

    private static ContainerSpec.Builder base(String... argv) {
        return ContainerSpec.builder().command(argv)
                .namespaces(EnumSet.of(Namespace.PID, Namespace.MOUNT, Namespace.UTS, Namespace.IPC));
    }

    private static ContainerProcess spawn(ContainerSpec.Builder spec) throws IOException {
        return Containers.spawn(spec.build());
    }

    /** Waits with the deadline, closes (kills if still running), and describes the outcome. */
    private static String waitFor(ContainerProcess p) throws IOException {
        try (p) {
            return p.waitFor(DEADLINE).map(ExitStatus::toString).orElse("no exit status");
        }
    }

    private static String execFailure(int i) throws IOException {
        try (ContainerProcess p = spawn(base("/nonexistent/uvac-soak-" + i))) {
            return "spawned anyway: " + p;
        } catch (SpawnFailedException e) {
            return e.errno() == Errno.ENOENT && e.getMessage().startsWith("execve")
                    ? "spawn failed: execve ENOENT" : "spawn failed otherwise: " + e.getMessage();
        }
    }

    private String oomKill(int i) throws IOException {
        try (Cgroup group = cgroups.create("soak-" + i, Resources.builder().memory("16M").pidsMax(16).build())) {
            ContainerProcess p;
            try (SpawnAttachment a = group.openForSpawn()) {
                ContainerSpec.Builder b = base("/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1")
                        .cgroupProcs(a.procsFiles());
                a.cgroupDir().ifPresent(b::cgroupInto);
                p = spawn(b);
            }
            String status = waitFor(p);
            return status + ", oom_kill " + (group.stats().oomKills().orElse(0) >= 1 ? ">= 1" : "0");
        }
    }

    private static String sigterm() throws IOException {
        ContainerProcess p = spawn(ContainerSpec.builder().command("/bin/sleep", "60")
                .namespaces(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC)));
        p.signal(15);
        return waitFor(p);
    }

    private static String stopPid1() throws Exception {
        try (ContainerProcess p = spawn(base("/bin/sleep", "60"))) {
            CompletableFuture<ExitStatus> other = p.onExit();
            ExitStatus mine = p.stop(15, Duration.ofMillis(50));
            ExitStatus theirs = other.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            Optional<ExitStatus> kept = p.exitStatus();
            if (!mine.equals(theirs) || !kept.equals(Optional.of(mine)))
                return "waiters disagree: " + mine + " / " + theirs + " / " + kept;
            return mine + ", seen once by both waiters";
        }
    }

    private String networked(int i) throws IOException {
        String veth = linkPrefix + i;
        try (NetworkNamespace netns = NetworkNamespace.create(); RtNetlink host = RtNetlink.open()) {
            host.vethAdd(veth, "eth0", netns.fd());
            // /proc/net follows the reader's network namespace: eth0 there proves the container joined this one.
            return waitFor(spawn(base("/bin/sh", "-c", "grep -q eth0: /proc/net/dev && exit 5; exit 1")
                    .networkNamespace(netns.fd())));
        }
    }
}
