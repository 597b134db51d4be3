package io.uvac.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What this JVM holds on the host, counted per resource kind. Only what the soak can own is counted (its
 * own fds, children, links and cgroup directories with its own prefixes), so tests that other people run
 * on the same machine at the same time cannot move the figures. Mounts are the host mount namespace's
 * whole table: a container's mount that propagated back would show up there and nowhere else.
 *
 * @param counts resource kind to how many
 * @param details resource kind to the names, for the failure message
 */
record HostSnapshot(Map<String, Integer> counts, Map<String, List<String>> details) {

    /** Takes a snapshot of the resources named with {@code linkPrefix} and under {@code cgroupParent}. */
    static HostSnapshot take(String linkPrefix, String cgroupParent) throws IOException {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("jvm fds", fds());
        d.put("netns held", heldNetworkNamespaces());
        d.put("veths", links(linkPrefix));
        d.put("cgroup dirs", cgroupDirectories(cgroupParent));
        d.put("host mounts", Files.readAllLines(Path.of("/proc/self/mounts")));
        List<Long> children = children();
        d.put("children", children.stream().map(String::valueOf).toList());
        d.put("zombies", children.stream().filter(HostSnapshot::isZombie).map(String::valueOf).toList());
        Map<String, Integer> c = new LinkedHashMap<>();
        d.forEach((k, v) -> c.put(k, v.size()));
        return new HostSnapshot(c, d);
    }

    /** Per kind, how many more there are now than in {@code before} (negative: fewer). */
    Map<String, Integer> minus(HostSnapshot before) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v - before.counts.getOrDefault(k, 0)));
        return out;
    }

    /** The entries of {@code kind} that {@code before} did not have. */
    List<String> added(HostSnapshot before, String kind) {
        List<String> now = new ArrayList<>(details.get(kind));
        for (String old : before.details.get(kind)) now.remove(old);
        return now;
    }

    private static List<String> fds() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    out.add(p.getFileName() + " -> " + Files.readSymbolicLink(p));
                } catch (IOException closedMeanwhile) {
                    // the directory stream's own fd, or one another thread closed since the listing
                }
            }
        }
        return out;
    }

    /**
     * Network namespaces this JVM keeps alive: through an open fd or a living child. A namespace with neither
     * is freed by the kernel (unless bind-mounted, which the mount count would show), so this is every way
     * a soak could leak one.
     */
    private static List<String> heldNetworkNamespaces() throws IOException {
        Set<String> own = new HashSet<>(), held = new HashSet<>();
        own.add(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString());
        for (String fd : fds()) if (fd.contains("-> net:[")) held.add(fd.substring(fd.indexOf("net:[")));
        for (long child : children()) {
            try {
                held.add(Files.readSymbolicLink(Path.of("/proc/" + child + "/ns/net")).toString());
            } catch (IOException exited) {
                // gone since the listing
            }
        }
        held.removeAll(own);
        return List.copyOf(held);
    }

    private static List<String> links(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    /** Every directory under {@code parent} in every cgroup hierarchy, the parent included. */
    private static List<String> cgroupDirectories(String parent) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(Path.of("/sys/fs/cgroup")));  // v2 at the top, or v1/hybrid below
        try (Stream<Path> s = Files.list(Path.of("/sys/fs/cgroup"))) {
            roots.addAll(s.toList());
        }
        for (Path root : roots) {
            Path top = root.resolve(parent);
            if (!Files.isDirectory(top)) continue;
            try (Stream<Path> w = Files.walk(top)) {
                w.filter(Files::isDirectory).map(Path::toString).forEach(out::add);
            } catch (IOException | java.io.UncheckedIOException removedMeanwhile) {
                out.add(top + " (changing)");
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    /** Direct children of every thread of this JVM (a child belongs to the thread that cloned it). */
    static List<Long> children() throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String s = Files.readString(t.resolve("children")).trim();
                    if (!s.isEmpty()) for (String pid : s.split("\\s+")) out.add(Long.parseLong(pid));
                } catch (IOException threadEnded) {
                    // the thread exited since the listing
                }
            }
        }
        return out;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }
}
