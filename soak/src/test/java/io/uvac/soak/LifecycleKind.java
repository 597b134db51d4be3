package io.uvac.soak;

/** The kinds of container life the soak mixes, and how often each comes up in every twenty lifecycles. */
enum LifecycleKind {
    /** {@code sh -c 'exit N'} in pid, mount, uts, ipc namespaces: the status must be exactly N. */
    NORMAL_EXIT(7),
    /** A program that does not exist: a {@code SpawnFailedException} naming execve and ENOENT, no process left. */
    EXEC_FAILURE(3),
    /** {@code dd} with a 64 MiB buffer in a 16 MiB cgroup: SIGKILL from the OOM killer, counted by the group. */
    OOM_KILL(2),
    /** {@code sleep} without a pid namespace gets SIGTERM and dies of it. */
    SIGTERM(2),
    /**
     * {@code sleep} as PID 1 of its namespace ignores SIGTERM from outside (no handler), so a stop with a
     * short grace always ends in SIGKILL; two threads wait for it and must see the same single status.
     */
    STOP_PID1(2),
    /** A prepared network namespace with a veth; the container sees its eth0 and exits 5; the veth then goes. */
    NETWORKED(4);

    final int perTwenty;

    LifecycleKind(int perTwenty) {
        this.perTwenty = perTwenty;
    }

    /** The kind of lifecycle number {@code i}: the same mix in every block of twenty, interleaved. */
    static LifecycleKind of(int i) {
        int slot = Math.floorMod(i * 7, 20); // 7 is coprime with 20: the kinds interleave instead of running in runs
        for (LifecycleKind k : values()) {
            if (slot < k.perTwenty) return k;
            slot -= k.perTwenty;
        }
        throw new AssertionError("perTwenty does not sum to 20");
    }
}
