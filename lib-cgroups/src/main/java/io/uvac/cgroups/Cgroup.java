package io.uvac.cgroups;

import io.uvac.cgroups.internal.Env;
import io.uvac.cgroups.internal.GroupDir;
import io.uvac.cgroups.internal.GroupDirs;
import io.uvac.cgroups.internal.GroupKiller;
import io.uvac.cgroups.internal.GroupName;
import io.uvac.cgroups.internal.GroupRemover;
import io.uvac.cgroups.internal.HostTopology;
import io.uvac.cgroups.internal.Limits;
import io.uvac.cgroups.internal.StatsReader;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One group, made by {@link Cgroups#create}: a directory in each hierarchy the host offers. It holds no file
 * descriptors (except those a {@link CgroupPool} opened ahead for its next spawn, which destroy closes), so
 * {@link #close()} is {@link #destroy()}: kill what is inside and remove the directories.
 *
 * <pre>
 * try (Cgroup g = cgroups.create("job-7", Resources.builder().memory("20M").pidsMax(16).build())) {
 *     ContainerProcess p;
 *     try (SpawnAttachment a = g.openForSpawn()) {
 *         ContainerSpec.Builder spec = ContainerSpec.builder().command("/usr/bin/make").cgroupProcs(a.procsFiles());
 *         a.cgroupDir().ifPresent(spec::cgroupInto);
 *         p = Containers.spawn(spec.build());
 *     }
 *     p.waitFor();
 *     System.out.println(g.stats().memoryPeakBytes());
 * }
 * </pre>
 */
public final class Cgroup implements AutoCloseable {
    private final GroupName name;
    private final String parent;
    private final GroupDirs dirs;
    private final Env env;
    private boolean destroyed;
    private SpawnAttachment preopened;

    Cgroup(GroupName name, String parent, GroupDirs dirs, Env env) {
        this.name = name;
        this.parent = parent;
        this.dirs = dirs;
        this.env = env;
    }

    /** The id given to {@link Cgroups#create}. */
    public String id() {
        return name.id();
    }

    /** The directory name, {@code <owner pid>.<owner start ticks>-<id>}. */
    public String name() {
        return name.toString();
    }

    /** The path below each hierarchy's mount, e.g. {@code uvac/4242.918273-web-1}. */
    public String relativePath() {
        return parent + "/" + name;
    }

    /** The group's directory in every hierarchy, v1 ones first. */
    public List<Path> directories() {
        return dirs.all().stream().map(GroupDir::path).toList();
    }

    /** The directory of the hierarchy serving {@code c}, if the host offers it. */
    public Optional<Path> directory(Controller c) {
        return dirs.of(c).map(GroupDir::path);
    }

    /** The cgroup2 directory (unified and hybrid hosts). */
    public Optional<Path> unifiedDirectory() {
        return dirs.unified().map(GroupDir::path);
    }

    /** Writes the parts {@code r} sets; parts it leaves out keep their current values. */
    public synchronized void update(Resources r) throws IOException {
        checkLive();
        if (HostTopology.concerns(r)) env.topology().read().check(r);
        new Limits(env.fs()).apply(dirs, r, false);
    }

    /** Moves a running process (all its threads) into the group, in every hierarchy. */
    public synchronized void attach(long pid) throws IOException {
        checkLive();
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive, got " + pid);
        for (GroupDir d : dirs.all()) env.fs().write(d.file("cgroup.procs"), Long.toString(pid));
    }

    /**
     * Opens the descriptors a spawn needs to start its child inside this group: {@code cgroup.procs} of every v1
     * hierarchy and the cgroup2 directory. The caller owns and closes them (after the spawn).
     */
    public synchronized SpawnAttachment openForSpawn() throws IOException {
        checkLive();
        if (preopened != null) {
            SpawnAttachment a = preopened;
            preopened = null;
            return a;
        }
        List<Fd> procs = new ArrayList<>();
        Fd dir = null;
        try {
            for (GroupDir d : dirs.v1()) procs.add(env.fs().openForWrite(d.file("cgroup.procs")));
            if (dirs.unified().isPresent()) dir = env.fs().openDirectory(dirs.unified().get().path());
            return new SpawnAttachment(procs, dir);
        } catch (IOException | RuntimeException e) {
            procs.forEach(Fd::close);
            if (dir != null) dir.close();
            throw e;
        }
    }

    /**
     * Opens the next {@link #openForSpawn()}'s descriptors now, so that call costs nothing; a {@link CgroupPool}
     * does this in the background. They are closed by destroy if no spawn takes them.
     */
    synchronized void preopenForSpawn() throws IOException {
        checkLive();
        if (preopened == null) preopened = openForSpawn();
    }

    /** The processes in the group and its child groups, over all hierarchies. */
    public Set<Long> pids() throws IOException {
        return new GroupKiller(env.fs(), env.processes(), env.timeouts()).members(dirs);
    }

    public CgroupStats stats() throws IOException {
        return new StatsReader(env.fs()).read(dirs);
    }

    /**
     * SIGKILLs every process in the group and waits (bounded) until none is left: v2 {@code cgroup.kill}, and on
     * v1 freeze, kill, thaw. The group stays and can be reused.
     *
     * @throws CgroupException processes were still inside at the deadline (5 s)
     */
    public synchronized void kill() throws IOException {
        new GroupKiller(env.fs(), env.processes(), env.timeouts()).kill(dirs, relativePath());
    }

    /**
     * Removes the directories; a group with processes or child groups left is killed first and its directories
     * removed child groups first, retrying while the kernel answers EBUSY (bounded). Idempotent; a failed
     * destroy can be retried.
     */
    public synchronized void destroy() throws IOException {
        if (destroyed) return;
        if (preopened != null) {
            preopened.close();
            preopened = null;
        }
        if (removedWhileEmpty()) {
            destroyed = true;
            return;
        }
        kill();
        GroupRemover remover = new GroupRemover(env.fs(), env.timeouts());
        IOException failure = null;
        for (GroupDir d : dirs.all()) {
            try {
                remover.removeTree(d.path());
            } catch (IOException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
        destroyed = true;
    }

    /**
     * The common case, a group whose processes have all exited: rmdir succeeds only on a group without tasks
     * and without child groups, so trying it first skips listing and freezing. The cgroup2 directory goes
     * first because on a hybrid host it tracks every process of the group. False at the first EBUSY, leaving
     * the rest (already removed directories count as gone) to the kill and removal that follow.
     */
    private boolean removedWhileEmpty() throws IOException {
        List<GroupDir> order = new ArrayList<>();
        dirs.unified().ifPresent(order::add);
        for (GroupDir d : dirs.v1()) if (!d.hierarchy().serves(Controller.FREEZER)) order.add(d);
        // The freezer last: should a process turn up in some hierarchy after all, the kill that follows can
        // still freeze it, since a busy group stops the removals before the freezer's directory goes.
        dirs.of(Controller.FREEZER).filter(d -> !d.unified()).ifPresent(order::add);
        for (GroupDir d : order) {
            try {
                env.fs().rmdir(d.path());
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOENT) continue;
                if (e.errno() == Errno.EBUSY) return false;
                throw e;
            }
        }
        return true;
    }

    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}. */
    @Override
    public void close() throws IOException {
        destroy();
    }

    private void checkLive() {
        if (destroyed) throw new IllegalStateException("cgroup " + relativePath() + " was destroyed");
    }

    @Override
    public String toString() {
        return "Cgroup[" + relativePath() + " in " + directories() + "]";
    }
}
