package io.uvac.namespaces;

import io.uvac.sys.raw.sched_h;

/** The namespaces a container can get; each maps to its CLONE_NEW* flag and its /proc/PID/ns name. */
public enum Namespace {
    MOUNT(sched_h.CLONE_NEWNS, "mnt"),
    UTS(sched_h.CLONE_NEWUTS, "uts"),
    IPC(sched_h.CLONE_NEWIPC, "ipc"),
    PID(sched_h.CLONE_NEWPID, "pid"),
    NET(sched_h.CLONE_NEWNET, "net"),
    CGROUP(sched_h.CLONE_NEWCGROUP, "cgroup");

    private final long cloneFlag;
    private final String procName;

    Namespace(long cloneFlag, String procName) {
        this.cloneFlag = cloneFlag;
        this.procName = procName;
    }

    public long cloneFlag() { return cloneFlag; }

    /** The entry under /proc/PID/ns. */
    public String procName() { return procName; }

    /** The five a container normally gets: mount, uts, ipc, pid, net. */
    public static java.util.EnumSet<Namespace> container() {
        return java.util.EnumSet.of(MOUNT, UTS, IPC, PID, NET);
    }
}
