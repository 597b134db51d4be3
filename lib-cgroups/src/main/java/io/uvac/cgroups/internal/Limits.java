package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupException;
import io.uvac.cgroups.Controller;
import io.uvac.cgroups.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link Resources} into a group: for each controller the v2 file where the hierarchy serving it is
 * cgroup2, the v1 files otherwise. Parts the spec leaves out are not written.
 */
public final class Limits {
    private final CgroupFs fs;

    public Limits(CgroupFs fs) {
        this.fs = fs;
    }

    /** The controllers {@code r} needs. */
    public static Set<Controller> required(Resources r) {
        Set<Controller> s = EnumSet.noneOf(Controller.class);
        if (r.memoryBytes().isPresent()) s.add(Controller.MEMORY);
        if (r.cpus().isPresent()) s.add(Controller.CPU);
        if (r.cpusetCpus().isPresent() || r.cpusetMems().isPresent()) s.add(Controller.CPUSET);
        if (r.pidsMax().isPresent()) s.add(Controller.PIDS);
        return s;
    }

    /** Fails, before anything is created, when {@code r} needs a controller none of {@code hierarchies} serves. */
    public static void checkOffered(List<Hierarchy> hierarchies, Resources r) throws CgroupException {
        for (Controller c : required(r))
            if (hierarchies.stream().noneMatch(h -> h.serves(c)))
                throw new CgroupException(c.kernelName() + " limit requested, but this host offers no " + c.kernelName()
                        + " controller (neither mounted as cgroup v1 nor available on cgroup2)");
    }

    /**
     * Applies {@code r}. For a {@code newGroup} a v1 cpuset also gets what the spec leaves out copied from its
     * parent: it refuses tasks while {@code cpuset.cpus} or {@code cpuset.mems} is empty.
     */
    public void apply(GroupDirs dirs, Resources r, boolean newGroup) throws IOException {
        checkOffered(dirs.all().stream().map(GroupDir::hierarchy).toList(), r);
        if (r.memoryBytes().isPresent()) memory(dirs.of(Controller.MEMORY).orElseThrow(), r.memoryBytes().getAsLong());
        if (r.cpus().isPresent()) cpu(dirs.of(Controller.CPU).orElseThrow(), r.cpuQuotaMicros().getAsLong());
        var cpuset = dirs.of(Controller.CPUSET);
        if (cpuset.isPresent()) cpuset(cpuset.get(), r, newGroup ? cpuset.get().path().getParent() : null);
        if (r.pidsMax().isPresent())
            fs.write(dirs.of(Controller.PIDS).orElseThrow().file("pids.max"), Long.toString(r.pidsMax().getAsLong()));
    }

    private void memory(GroupDir d, long bytes) throws IOException {
        String value = Long.toString(bytes);
        if (d.unified()) {
            fs.write(d.file("memory.max"), value);
            // Without this the group could push the excess to swap and the limit would not hold.
            if (fs.exists(d.file("memory.swap.max"))) fs.write(d.file("memory.swap.max"), "0");
            return;
        }
        Path memsw = d.file("memory.memsw.limit_in_bytes");
        if (!fs.exists(memsw)) {
            fs.write(d.file("memory.limit_in_bytes"), value);
            return;
        }
        // v1 insists on memsw >= memory after every write: raise memsw first, lower it last.
        if (bytes > KeyedValues.number(fs.read(memsw))) {
            fs.write(memsw, value);
            fs.write(d.file("memory.limit_in_bytes"), value);
        } else {
            fs.write(d.file("memory.limit_in_bytes"), value);
            fs.write(memsw, value);
        }
    }

    private void cpu(GroupDir d, long quotaMicros) throws IOException {
        String period = Long.toString(Resources.CPU_PERIOD_MICROS);
        if (d.unified()) {
            fs.write(d.file("cpu.max"), quotaMicros + " " + period);
        } else {
            fs.write(d.file("cpu.cfs_period_us"), period);
            fs.write(d.file("cpu.cfs_quota_us"), Long.toString(quotaMicros));
        }
    }

    private void cpuset(GroupDir d, Resources r, Path parent) throws IOException {
        // On v2 an empty cpuset.cpus means "the parent's": only what the spec names is written.
        boolean fill = parent != null && !d.unified();
        String cpus = r.cpusetCpus().map(Object::toString).orElse(fill ? inherited(parent, "cpuset.cpus") : null);
        String mems = r.cpusetMems().map(Object::toString).orElse(fill ? inherited(parent, "cpuset.mems") : null);
        if (cpus != null) fs.write(d.file("cpuset.cpus"), cpus);
        if (mems != null) fs.write(d.file("cpuset.mems"), mems);
    }

    private String inherited(Path parent, String file) throws IOException {
        String v = fs.read(parent.resolve(file)).strip();
        if (v.isEmpty()) throw new CgroupException(parent.resolve(file) + " is empty: nothing to give a new group");
        return v;
    }
}
