package io.uvac.bench.peers;

import java.nio.file.Path;
import java.util.List;

/**
 * The runtimes uvac is compared with, each running {@code /bin/true} in the five namespaces uvac's case (d)
 * creates (mount, uts, ipc, pid, net), except the floor, which creates none.
 */
public enum Peer {
    /** Plain fork+exec from Java: what any spawn from a JVM pays at least. */
    TRUE("true", "/bin/true", List.of()),
    /** util-linux; --mount-proc because a new pid namespace without its own /proc is not a container yet. */
    UNSHARE("unshare", "unshare", List.of("util-linux")),
    /** bubblewrap always makes a mount namespace; the host root is bound back so /bin/true resolves. */
    BWRAP("bwrap", "bwrap", List.of("bubblewrap")),
    /** OCI runtime in Go: the busybox bundle, runc-spec defaults (pivot, /proc, /dev, /sys, masks, cgroups). */
    RUNC("runc", "runc", List.of("runc")),
    /** OCI runtime in C, same bundle; run in a private mount namespace without cgroup2, see {@link HiddenCgroup2}. */
    CRUN("crun", "crun", List.of("crun"));

    private final String id;
    private final String binary;
    private final List<String> debianPackages;

    Peer(String id, String binary, List<String> debianPackages) {
        this.id = id;
        this.binary = binary;
        this.debianPackages = debianPackages;
    }

    /** Short name used in benchmark names, peers.tsv and the report. */
    public String id() { return id; }

    public String binary() { return binary; }

    public List<String> debianPackages() { return debianPackages; }

    public boolean isOci() { return this == RUNC || this == CRUN; }

    /**
     * The command for one run. OCI runtimes get a state root of their own under {@code work} (so a crashed
     * run can be swept without touching anybody else's containers) and a unique container id, which
     * also names their cgroups ({@code uvacb-runc-PID-N}).
     */
    public List<String> command(Path bundle, Path work, String containerId) {
        return switch (this) {
            case TRUE -> List.of("/bin/true");
            case UNSHARE -> List.of("unshare", "--fork", "--pid", "--mount", "--net", "--uts", "--ipc", "--mount-proc", "true");
            case BWRAP -> List.of("bwrap", "--bind", "/", "/", "--unshare-pid", "--unshare-net", "--unshare-uts",
                    "--unshare-ipc", "--proc", "/proc", "true");
            case RUNC, CRUN -> List.of(binary, "--root", stateRoot(work).toString(), "run", "--bundle", bundle.toString(),
                    containerId);
        };
    }

    public Path stateRoot(Path work) {
        return work.resolve(id + "-state");
    }

    /** The command printing the version, for the report. */
    public List<String> versionCommand() {
        return switch (this) {
            case TRUE -> List.of("sh", "-c", "dpkg-query -W -f '${Package} ${Version}' coreutils");
            case UNSHARE -> List.of("unshare", "--version");
            case BWRAP -> List.of("bwrap", "--version");
            case RUNC -> List.of("runc", "--version");
            case CRUN -> List.of("crun", "--version");
        };
    }

    public static Peer byId(String id) {
        for (Peer p : values()) if (p.id.equals(id)) return p;
        throw new IllegalArgumentException("no peer " + id);
    }
}
