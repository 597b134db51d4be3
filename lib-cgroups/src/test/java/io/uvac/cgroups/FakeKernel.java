package io.uvac.cgroups;

import io.uvac.cgroups.internal.Env;
import io.uvac.cgroups.internal.HostTopology;
import io.uvac.cgroups.internal.KernelCgroupFs;
import io.uvac.cgroups.internal.ProcessIdentity;
import io.uvac.cgroups.internal.Processes;
import io.uvac.cgroups.internal.Timeouts;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cgroup "kernel" in a temp directory, for unit tests: hierarchies are plain directories whose control files
 * are created on mkdir in the v1 or v2 format with the kernel's default contents. Writes go through the real
 * {@link KernelCgroupFs} (so the single write(2) and its error text are exercised) and are logged relative to
 * the temp root. The few kernel behaviours lib-cgroups relies on are emulated:
 * <ul>
 *   <li>a v1 cpuset with empty cpus or mems refuses tasks (ENOSPC), as cpuset_can_attach does;</li>
 *   <li>cgroup.procs moves a pid (it is not overwritten); v2 controller files appear once the parent enables
 *       the controller in cgroup.subtree_control (existing children get them too);</li>
 *   <li>SIGKILL to a task in a frozen group takes effect only at thaw; cgroup.kill kills the subtree;</li>
 *   <li>rmdir: EBUSY while tasks or child groups remain, plus EBUSY answers injected on demand.</li>
 * </ul>
 */
final class FakeKernel extends KernelCgroupFs implements Processes {
    static final ProcessIdentity SELF = new ProcessIdentity(4242, 1000);
    static final Timeouts FAST = new Timeouts(Duration.ofMillis(600), Duration.ofMillis(100), Duration.ofMillis(300));

    final Path root;
    final CgroupHost host;
    final List<String> log = new ArrayList<>();
    final Set<ProcessIdentity> alive = new HashSet<>(Set.of(SELF));
    final Map<String, Integer> busyRmdirs = new HashMap<>();
    /** Control files this pretend kernel lacks (as an older or differently built one would). */
    final Set<String> missingFiles = new HashSet<>();
    /** Pids that ignore SIGKILL (as a task stuck in uninterruptible sleep seems to). */
    final Set<Long> unkillable = new HashSet<>();
    /** Pids signalled while frozen; they die at thaw. */
    private final Set<Long> pendingKill = new TreeSet<>();
    /** Which hierarchy each mount directory is, by its name under root. */
    private final Map<Path, Set<Controller>> v1Mounts = new LinkedHashMap<>();
    private Path unified;
    private long nextPid = 100;

    private FakeKernel(Path root, CgroupLayout layout, Set<Controller> v1, Set<Controller> v2) throws IOException {
        this.root = root;
        Map<Controller, Path> mounts = new EnumMap<>(Controller.class);
        for (Controller c : v1) {
            Path m = Files.createDirectory(root.resolve(c.kernelName()));
            v1Mounts.put(m, EnumSet.of(c));
            mounts.put(c, m);
            populateV1(m, c, true);
        }
        if (layout != CgroupLayout.LEGACY) {
            unified = Files.createDirectory(root.resolve("unified"));
            for (String f : List.of("cgroup.procs", "cgroup.subtree_control", "cpu.stat"))
                Files.writeString(unified.resolve(f), f.equals("cpu.stat") ? "usage_usec 0\n" : "");
            Files.writeString(unified.resolve("cgroup.controllers"),
                    v2.stream().map(Controller::kernelName).collect(Collectors.joining(" ")) + "\n");
            for (Controller c : v2) if (c == Controller.CPUSET) {
                Files.writeString(unified.resolve("cpuset.cpus.effective"), "0-1\n");
                Files.writeString(unified.resolve("cpuset.mems.effective"), "0\n");
            }
        }
        this.host = new CgroupHost(layout, mounts, Optional.ofNullable(unified), v2);
    }

    static final Set<Controller> ALL_V1 = EnumSet.allOf(Controller.class);
    static final Set<Controller> ALL_V2 = EnumSet.of(Controller.CPU, Controller.CPUSET, Controller.MEMORY, Controller.PIDS);

    static FakeKernel legacy(Path root) throws IOException {
        return new FakeKernel(root, CgroupLayout.LEGACY, ALL_V1, Set.of());
    }

    /** This project's host: every controller on v1, a cgroup2 mount without any of ours. */
    static FakeKernel hybrid(Path root) throws IOException {
        return new FakeKernel(root, CgroupLayout.HYBRID, ALL_V1, Set.of());
    }

    static FakeKernel unified(Path root) throws IOException {
        return new FakeKernel(root, CgroupLayout.UNIFIED, Set.of(), ALL_V2);
    }

    Cgroups cgroups() {
        return new Cgroups(host, "uvac", env());
    }

    Env env() {
        return new Env(this, this, FAST, () -> new HostTopology(CpuList.parse("0-1"), CpuList.of(0)));
    }

    // ---- control file templates, as a 6.x kernel shows them ----

    private void populateV1(Path dir, Controller c, boolean isRoot) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("cgroup.procs", "");
        f.put("tasks", "");
        f.put("notify_on_release", "0\n");
        switch (c) {
            case MEMORY -> {
                f.put("memory.limit_in_bytes", "9223372036854771712\n");
                f.put("memory.memsw.limit_in_bytes", "9223372036854771712\n");
                f.put("memory.usage_in_bytes", "0\n");
                f.put("memory.max_usage_in_bytes", "0\n");
                f.put("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
            }
            case CPU -> {
                f.put("cpu.cfs_period_us", "100000\n");
                f.put("cpu.cfs_quota_us", "-1\n");
                f.put("cpu.shares", "1024\n");
            }
            case CPUACCT -> f.put("cpuacct.usage", "0\n");
            case CPUSET -> {
                // A new cpuset starts empty; only the root has values.
                f.put("cpuset.cpus", isRoot ? "0-1\n" : "\n");
                f.put("cpuset.mems", isRoot ? "0\n" : "\n");
            }
            case PIDS -> {
                f.put("pids.max", "max\n");
                f.put("pids.current", "0\n");
                f.put("pids.events", "max 0\n");
            }
            case FREEZER -> f.put("freezer.state", "THAWED\n");
        }
        for (var e : f.entrySet())
            if (!missingFiles.contains(e.getKey())) Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }

    private void populateV2Controller(Path dir, String controller) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        switch (controller) {
            case "memory" -> {
                f.put("memory.max", "max\n");
                f.put("memory.swap.max", "max\n");
                f.put("memory.current", "0\n");
                f.put("memory.peak", "0\n");
                f.put("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n");
            }
            case "cpu" -> f.put("cpu.max", "max 100000\n");
            case "cpuset" -> {
                f.put("cpuset.cpus", "\n");
                f.put("cpuset.mems", "\n");
            }
            case "pids" -> {
                f.put("pids.max", "max\n");
                f.put("pids.current", "0\n");
            }
            default -> { }
        }
        for (var e : f.entrySet())
            if (!missingFiles.contains(e.getKey()) && !Files.exists(dir.resolve(e.getKey())))
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }

    private void populateV2(Path dir) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("cgroup.procs", "");
        f.put("cgroup.subtree_control", "");
        f.put("cgroup.events", "populated 0\nfrozen 0\n");
        f.put("cgroup.freeze", "0\n");
        f.put("cgroup.kill", "");
        f.put("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n");
        String enabled = read(dir.getParent().resolve("cgroup.subtree_control")).strip();
        f.put("cgroup.controllers", enabled + "\n");
        for (var e : f.entrySet())
            if (!missingFiles.contains(e.getKey())) Files.writeString(dir.resolve(e.getKey()), e.getValue());
        for (String c : enabled.split("\\s+")) populateV2Controller(dir, c);
    }

    // ---- CgroupFs ----

    @Override
    public void mkdir(Path dir) throws ErrnoException {
        super.mkdir(dir);
        log.add("mkdir " + rel(dir));
        try {
            Optional<Path> v1 = v1Mount(dir);
            if (v1.isPresent()) populateV1(dir, v1Mounts.get(v1.get()).iterator().next(), false);
            else populateV2(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void rmdir(Path dir) throws ErrnoException {
        String r = rel(dir);
        try {
            if (!Files.isDirectory(dir)) throw ErrnoException.of("rmdir", dir.toString(), Errno.ENOENT);
            int busy = busyRmdirs.getOrDefault(r, 0);
            if (busy > 0 || !read(dir.resolve("cgroup.procs")).isBlank() || !childGroups(dir).isEmpty()) {
                busyRmdirs.put(r, Math.max(0, busy - 1));
                log.add("rmdir " + r + ": EBUSY");
                throw ErrnoException.of("rmdir", dir.toString(), Errno.EBUSY);
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) Files.delete(p);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        super.rmdir(dir);
        log.add("rmdir " + r);
    }

    @Override
    public void write(Path file, String value) throws ErrnoException {
        String name = file.getFileName().toString();
        Path dir = file.getParent();
        try {
            switch (name) {
                case "cgroup.procs" -> {
                    attach(dir, Long.parseLong(value.strip()));
                    log.add("write " + rel(file) + " = " + value);
                    return;
                }
                case "cgroup.subtree_control" -> {
                    super.write(file, value); // open and write(2) as the kernel would see them
                    enable(dir, value);
                    log.add("write " + rel(file) + " = " + value);
                    return;
                }
                default -> { }
            }
            super.write(file, value);
            log.add("write " + rel(file) + " = " + value);
            if (name.equals("cgroup.kill") && value.equals("1")) for (long pid : pidsBelow(dir)) die(pid);
            if (name.equals("freezer.state") && value.equals("THAWED")) thaw(dir);
            if (name.equals("cgroup.freeze")) {
                Files.writeString(dir.resolve("cgroup.events"), "populated 0\nfrozen " + value + "\n");
                if (value.equals("0")) thaw(dir);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void attach(Path dir, long pid) throws IOException {
        Optional<Path> v1 = v1Mount(dir);
        if (v1.isPresent() && v1Mounts.get(v1.get()).contains(Controller.CPUSET)
                && (read(dir.resolve("cpuset.cpus")).isBlank() || read(dir.resolve("cpuset.mems")).isBlank()))
            throw ErrnoException.of("write", dir.resolve("cgroup.procs") + " = \"" + pid + "\"", Errno.ENOSPC);
        Path mount = v1.orElse(unified);
        for (Path procs : procsFiles(mount)) removeLine(procs, pid);
        Files.writeString(dir.resolve("cgroup.procs"), read(dir.resolve("cgroup.procs")) + pid + "\n");
    }

    private void enable(Path dir, String value) throws IOException {
        Set<String> enabled = new TreeSet<>(Arrays.asList(read(dir.resolve("cgroup.controllers")).strip().split("\\s+")));
        Set<String> now = new TreeSet<>();
        for (String t : value.strip().split("\\s+")) {
            String c = t.substring(1);
            if (!enabled.contains(c))
                throw ErrnoException.of("write", dir.resolve("cgroup.subtree_control") + " = \"" + value + "\"", Errno.ENOENT);
            now.add(c);
        }
        // The parent keeps what it had: the O_TRUNC write replaced the file text, so restore the union.
        Files.writeString(dir.resolve("cgroup.subtree_control"), String.join(" ", now) + "\n");
        for (Path child : childGroups(dir)) {
            Files.writeString(child.resolve("cgroup.controllers"), String.join(" ", now) + "\n");
            for (String c : now) populateV2Controller(child, c);
        }
    }

    // ---- Processes ----

    @Override
    public ProcessIdentity self() {
        return SELF;
    }

    @Override
    public boolean isAlive(ProcessIdentity p) {
        return alive.contains(p);
    }

    @Override
    public boolean kill(long pid) throws IOException {
        log.add("kill " + pid);
        if (procsFiles(root).stream().noneMatch(p -> lines(p).contains(pid))) return false;
        if (unkillable.contains(pid)) return true;
        if (frozen(pid)) pendingKill.add(pid);
        else die(pid);
        return true;
    }

    /**
     * Starts a pretend process in the group {@code group} (a path below the mounts) of every v1 hierarchy that
     * has it, and of the cgroup2 hierarchy when {@code unifiedToo}; in the root of the others.
     */
    long start(String group, boolean unifiedToo) throws IOException {
        long pid = nextPid++;
        for (Path m : v1Mounts.keySet()) attach(Files.isDirectory(m.resolve(group)) ? m.resolve(group) : m, pid);
        if (unified != null) attach(unifiedToo && Files.isDirectory(unified.resolve(group)) ? unified.resolve(group) : unified, pid);
        return pid;
    }

    long start(String group) throws IOException {
        return start(group, true);
    }

    // ---- helpers ----

    String rel(Path p) {
        return root.relativize(p).toString();
    }

    List<String> writes() {
        return log.stream().filter(l -> l.startsWith("write ")).toList();
    }

    private Optional<Path> v1Mount(Path dir) {
        return v1Mounts.keySet().stream().filter(dir::startsWith).findFirst();
    }

    private boolean frozen(long pid) {
        for (Path procs : procsFiles(root)) {
            if (!lines(procs).contains(pid)) continue;
            Path dir = procs.getParent();
            try {
                if (Files.exists(dir.resolve("freezer.state")) && read(dir.resolve("freezer.state")).strip().equals("FROZEN"))
                    return true;
                if (Files.exists(dir.resolve("cgroup.freeze")) && read(dir.resolve("cgroup.freeze")).strip().equals("1"))
                    return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    private void thaw(Path dir) throws IOException {
        for (long pid : pidsBelow(dir)) if (pendingKill.remove(pid)) die(pid);
    }

    private void die(long pid) throws IOException {
        for (Path procs : procsFiles(root)) removeLine(procs, pid);
        pendingKill.remove(pid);
    }

    private Set<Long> pidsBelow(Path dir) {
        Set<Long> s = new TreeSet<>();
        for (Path procs : procsFiles(dir)) s.addAll(lines(procs));
        return s;
    }

    private static List<Path> procsFiles(Path under) {
        try (Stream<Path> s = Files.walk(under)) {
            return s.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Long> lines(Path procs) {
        try {
            return Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).map(Long::parseLong)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeLine(Path procs, long pid) throws IOException {
        Set<Long> s = lines(procs);
        if (s.remove(pid))
            Files.writeString(procs, s.stream().map(p -> p + "\n").collect(Collectors.joining()));
    }
}
