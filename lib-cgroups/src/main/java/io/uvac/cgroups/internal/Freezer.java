package io.uvac.cgroups.internal;

import io.uvac.cgroups.Controller;
import java.io.IOException;
import java.util.Optional;

/**
 * Stops a group's tasks so a kill can list them without racing forks: the v1 freezer
 * ({@code freezer.state}), or cgroup2's core {@code cgroup.freeze} where no v1 freezer is mounted.
 */
public final class Freezer {
    private final CgroupFs fs;
    private final GroupDir dir;

    private Freezer(CgroupFs fs, GroupDir dir) {
        this.fs = fs;
        this.dir = dir;
    }

    public static Optional<Freezer> of(CgroupFs fs, GroupDirs dirs) {
        Optional<GroupDir> d = dirs.of(Controller.FREEZER).or(dirs::unified);
        return d.filter(g -> fs.exists(g.file(g.unified() ? "cgroup.freeze" : "freezer.state")))
                .map(g -> new Freezer(fs, g));
    }

    /** Asks to freeze and waits for it until {@code deadline}; returns whether the group reached frozen. */
    public boolean freeze(Deadline deadline) throws IOException {
        if (dir.unified()) fs.write(dir.file("cgroup.freeze"), "1");
        else fs.write(dir.file("freezer.state"), "FROZEN");
        for (int attempt = 0; ; attempt++) {
            if (isFrozen()) return true;
            if (deadline.expired()) return false;
            deadline.pause(attempt);
        }
    }

    public void thaw() throws IOException {
        if (dir.unified()) fs.write(dir.file("cgroup.freeze"), "0");
        else fs.write(dir.file("freezer.state"), "THAWED");
    }

    private boolean isFrozen() throws IOException {
        if (dir.unified()) return KeyedValues.get(fs.read(dir.file("cgroup.events")), "frozen").orElse(0) == 1;
        // FREEZING while some task has not yet entered the refrigerator.
        return fs.read(dir.file("freezer.state")).strip().equals("FROZEN");
    }
}
