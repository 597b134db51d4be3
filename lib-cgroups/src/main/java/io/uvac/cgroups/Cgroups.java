package io.uvac.cgroups;

import io.uvac.cgroups.internal.Env;
import io.uvac.cgroups.internal.GroupCreator;
import io.uvac.cgroups.internal.GroupDir;
import io.uvac.cgroups.internal.GroupDirs;
import io.uvac.cgroups.internal.GroupName;
import io.uvac.cgroups.internal.GroupRemover;
import io.uvac.cgroups.internal.HostTopology;
import io.uvac.cgroups.internal.Hierarchy;
import io.uvac.cgroups.internal.Limits;
import io.uvac.cgroups.internal.ProcessIdentity;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Creates and sweeps groups under one parent ({@code uvac} by default) in every hierarchy the host offers.
 * A group's directory name records its owner, {@code <pid>.<start>-<id>}, so {@link #sweep()} can remove
 * groups whose owner is gone.
 *
 * <pre>
 * Cgroups cgroups = Cgroups.detect();
 * cgroups.sweep();                                     // leftovers of a process that was killed -9
 * try (Cgroup g = cgroups.create("web-1", Resources.builder().memory("64M").cpus(0.5).build())) {
 *     g.attach(pid);
 *     ...
 * }                                                    // close(): kill what is left, remove the group
 * </pre>
 *
 * <p>Layouts: on cgroup2 a group is one directory; on v1 one per hierarchy (memory, cpu, cpuacct, cpuset, pids,
 * freezer, as mounted); on a hybrid host the v1 directories carry the limits and a cgroup2 directory tracks the
 * processes. Creating groups needs write access to the hierarchies (root, or a delegated subtree as parent).
 * Instances are safe to share between threads.
 */
public final class Cgroups {
    /** The parent every group goes under, in each hierarchy. */
    public static final String DEFAULT_PARENT = "uvac";

    private final CgroupHost host;
    private final String parent;
    private final List<Hierarchy> hierarchies;
    private final Env env;
    private final GroupCreator creator;
    private volatile ProcessIdentity self;

    Cgroups(CgroupHost host, String parent, Env env) {
        this.creator = new GroupCreator(env.fs(), parent);
        this.host = Objects.requireNonNull(host, "host");
        this.parent = parent;
        this.hierarchies = Hierarchy.of(host);
        this.env = env;
    }

    /** Detects the host ({@link CgroupHost#detect()}) and uses the default parent {@code uvac}. */
    public static Cgroups detect() throws IOException {
        return on(CgroupHost.detect());
    }

    public static Cgroups on(CgroupHost host) {
        return on(host, DEFAULT_PARENT);
    }

    /** @param parent relative path under each hierarchy's mount, e.g. {@code uvac} or {@code system.slice/uvac} */
    public static Cgroups on(CgroupHost host, String parent) {
        return new Cgroups(host, parent, Env.kernel());
    }

    public CgroupHost host() {
        return host;
    }

    public String parent() {
        return parent;
    }

    /**
     * Creates the group {@code uvac/<pid>.<start>-<id>} in every hierarchy and writes {@code resources}. On any
     * failure what was created is removed again (failures of that removal are attached as suppressed).
     *
     * @param id 1-64 characters of {@code A-Z a-z 0-9 _ . -}; unique among this process's live groups
     * @throws IllegalArgumentException the id is malformed, or {@code resources} names CPUs or memory nodes that
     *                                  are not online, or more {@code cpus} than the host has
     * @throws CgroupException          a requested controller is not available on this host
     * @throws ErrnoException           a mkdir or write failed; the message names the file and the value
     */
    public Cgroup create(String id, Resources resources) throws IOException {
        GroupName.checkId(id);
        check(resources);
        GroupName name = new GroupName(self(), id);
        try {
            return createOnce(name, resources);
        } catch (IOException | RuntimeException e) {
            // The parents are prepared once and remembered. One removed and made again by someone who did not
            // prepare it (an empty v1 cpuset, a cgroup2 level without our controllers) fails the group, not the
            // mkdir: prepare them afresh and try once more.
            if (!creator.forgetParents()) throw e;
            return createOnce(name, resources);
        }
    }

    private Cgroup createOnce(GroupName name, Resources resources) throws IOException {
        List<GroupDir> made = new ArrayList<>();
        try {
            for (Hierarchy h : hierarchies) made.add(creator.create(h, name.toString()));
            GroupDirs dirs = new GroupDirs(made);
            new Limits(env.fs()).apply(dirs, resources, true);
            return new Cgroup(name, parent, dirs, env);
        } catch (IOException | RuntimeException e) {
            GroupRemover remover = new GroupRemover(env.fs(), env.timeouts());
            for (int i = made.size() - 1; i >= 0; i--) {
                try {
                    remover.removeTree(made.get(i).path());
                } catch (IOException | RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    /** What {@link #create} checks before it makes anything: the host offers what {@code resources} asks for. */
    void check(Resources resources) throws IOException {
        if (HostTopology.concerns(resources)) env.topology().read().check(resources);
        Limits.checkOffered(hierarchies, resources);
    }

    /** The parent directory in each hierarchy, e.g. {@code /sys/fs/cgroup/memory/uvac}; they may not exist yet. */
    public List<Path> parentDirectories() {
        return hierarchies.stream().map(h -> h.mount().resolve(parent)).toList();
    }

    /** Names of the groups under the parent, over all hierarchies, sorted. */
    public List<String> groupNames() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Hierarchy h : hierarchies)
            for (Path p : env.fs().childGroups(h.mount().resolve(parent))) names.add(p.getFileName().toString());
        return List.copyOf(names);
    }

    /**
     * Removes every group whose owner process is gone (no process with its pid and start time), killing what
     * still runs in it first. Groups of live owners and directories uvac did not name are left alone. Every
     * stale group is tried; failures are reported together afterwards.
     *
     * @return the names of the groups removed
     */
    public List<String> sweep() throws IOException {
        ProcessIdentity self = self();
        List<String> swept = new ArrayList<>();
        CgroupException failures = null;
        for (String n : groupNames()) {
            Optional<GroupName> name = GroupName.parse(n);
            if (name.isEmpty()) continue;
            ProcessIdentity owner = name.get().owner();
            if (owner.equals(self) || env.processes().isAlive(owner)) continue;
            try {
                existing(name.get()).destroy();
                swept.add(n);
            } catch (IOException e) {
                if (failures == null) failures = new CgroupException("sweep of " + parent + ": some stale groups remain");
                failures.addSuppressed(e);
            }
        }
        if (failures != null) throw failures;
        return swept;
    }

    /**
     * Removes the parent directories where they are empty; a parent still holding groups is left. For tests
     * and uninstallers: a parent is cheap to keep, and {@link #create} makes it again when needed.
     *
     * @return true when no parent directory remains in any hierarchy
     */
    public boolean removeParentIfEmpty() throws IOException {
        creator.forgetParents();
        List<String> parts = GroupCreator.parentParts(parent);
        boolean allGone = true;
        for (Hierarchy h : hierarchies) {
            for (int depth = parts.size(); depth >= 1; depth--) {
                Path dir = h.mount().resolve(String.join("/", parts.subList(0, depth)));
                try {
                    env.fs().rmdir(dir);
                } catch (ErrnoException e) {
                    if (e.errno() == Errno.ENOENT) continue;
                    if (e.errno() != Errno.EBUSY && e.errno() != Errno.ENOTEMPTY) throw e;
                    allGone = false;
                    break;
                }
            }
        }
        return allGone;
    }

    /** This process, read once: a JVM's pid and start time do not change. */
    private ProcessIdentity self() throws IOException {
        ProcessIdentity s = self;
        if (s == null) self = s = env.processes().self();
        return s;
    }

    /** A handle on a group that may exist in some hierarchies only, as a sweep finds it. */
    private Cgroup existing(GroupName name) {
        List<GroupDir> dirs = new ArrayList<>();
        for (Hierarchy h : hierarchies) dirs.add(new GroupDir(h, h.mount().resolve(parent).resolve(name.toString())));
        return new Cgroup(name, parent, new GroupDirs(dirs), env);
    }

    @Override
    public String toString() {
        return "Cgroups[" + host + ", parent " + parent + "]";
    }
}
