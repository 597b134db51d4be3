package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kills everything in a group, child groups included, and waits until it is empty.
 * <ul>
 *   <li>cgroup2 (kernel 5.14+): one write of {@code 1} to {@code cgroup.kill}; the kernel SIGKILLs the whole subtree
 *       and also every task forked meanwhile.</li>
 *   <li>v1, and whatever the v2 kill did not reach: freeze, SIGKILL each listed process through a pidfd, thaw.
 *       Frozen tasks cannot fork, so the list is complete, and cannot exit, so no pid is recycled before its
 *       signal; they act on the SIGKILL once thawed.</li>
 * </ul>
 */
public final class GroupKiller {
    /** How long signalled processes get to exit before another round: exit_mm of a large process takes a while. */
    private static final Duration ROUND_GRACE = Duration.ofMillis(250);

    private final CgroupFs fs;
    private final Processes processes;
    private final Timeouts timeouts;

    public GroupKiller(CgroupFs fs, Processes processes, Timeouts timeouts) {
        this.fs = fs;
        this.processes = processes;
        this.timeouts = timeouts;
    }

    public void kill(GroupDirs dirs, String what) throws IOException {
        Deadline deadline = Deadline.after(timeouts.kill());
        Deadline nextRound = null;
        Optional<GroupDir> v2 = dirs.unified();
        if (v2.isPresent() && fs.exists(v2.get().file("cgroup.kill"))) {
            fs.write(v2.get().file("cgroup.kill"), "1");
            nextRound = Deadline.after(ROUND_GRACE);
        }
        for (int attempt = 0; ; attempt++) {
            Set<Long> left = members(dirs);
            if (left.isEmpty()) return;
            if (deadline.expired())
                throw new CgroupException("kill " + what + ": " + left.size() + " process(es) still inside after "
                        + timeouts.kill().toMillis() + " ms: " + left);
            if (nextRound == null || nextRound.expired()) {
                signalRound(dirs, deadline);
                nextRound = Deadline.after(ROUND_GRACE);
                attempt = 0;
            }
            deadline.pause(attempt);
        }
    }

    private void signalRound(GroupDirs dirs, Deadline deadline) throws IOException {
        Optional<Freezer> freezer = Freezer.of(fs, dirs);
        if (freezer.isPresent()) freezer.get().freeze(deadline.atMost(timeouts.freeze()));
        IOException failure = null;
        try {
            for (long pid : members(dirs)) processes.kill(pid);
        } catch (IOException e) {
            failure = e;
        }
        try {
            if (freezer.isPresent()) freezer.get().thaw();
        } catch (IOException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }

    /** Processes in the group and its child groups, over every hierarchy (v1 lists each hierarchy separately). */
    public Set<Long> members(GroupDirs dirs) throws IOException {
        Set<Long> pids = new TreeSet<>();
        for (GroupDir d : dirs.all()) collect(d.path(), pids);
        return pids;
    }

    private void collect(Path dir, Set<Long> pids) throws IOException {
        String procs;
        try {
            procs = fs.read(dir.resolve("cgroup.procs"));
        } catch (NoSuchFileException gone) {
            return;
        }
        for (String line : procs.split("\n")) if (!line.isBlank()) pids.add(Long.parseLong(line.strip()));
        for (Path child : fs.childGroups(dir)) collect(child, pids);
    }
}
