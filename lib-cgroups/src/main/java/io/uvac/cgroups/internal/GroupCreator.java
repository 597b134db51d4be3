package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupException;
import io.uvac.cgroups.Controller;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Makes a group's directory in one hierarchy, creating and preparing the shared parent ({@code uvac}) first:
 * <ul>
 *   <li>v1 cpuset: a new cpuset has empty {@code cpuset.cpus} and {@code cpuset.mems} and refuses tasks (and
 *       children's values) until they are filled, so each parent level gets its own parent's values.</li>
 *   <li>cgroup2: a controller's files appear in a group only when its parent lists the controller in
 *       {@code cgroup.subtree_control}, so each level from the mount down to the parent enables what is missing.</li>
 * </ul>
 * The parent is prepared once per hierarchy and remembered: checking it again for every group cost more than
 * the group's own mkdir. When it vanishes (another process's removeParentIfEmpty) the mkdir answers ENOENT and
 * the parent is prepared afresh; when it was also made again without being prepared, the group's limits fail
 * and {@link io.uvac.cgroups.Cgroups#create} prepares the parents afresh and tries once more.
 */
public final class GroupCreator {
    /** A sweep in another process may remove the empty parent between our mkdirs; that many rebuilds, then give up. */
    private static final int ATTEMPTS = 3;

    private final CgroupFs fs;
    private final String parent;
    private final Map<Hierarchy, Path> prepared = new ConcurrentHashMap<>();

    /** @param parent the relative parent path every group goes under, e.g. {@code uvac} */
    public GroupCreator(CgroupFs fs, String parent) {
        parentParts(parent);
        this.fs = fs;
        this.parent = parent;
    }

    /** Creates {@code <mount>/<parent>/<leaf>}; the leaf must not exist yet. */
    public GroupDir create(Hierarchy h, String leaf) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path parentDir = prepared.get(h);
            if (parentDir == null) {
                parentDir = ensureParent(h, parent);
                prepared.put(h, parentDir);
            }
            Path dir = parentDir.resolve(leaf);
            try {
                fs.mkdir(dir);
                return new GroupDir(h, dir);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.ENOENT || attempt == ATTEMPTS) throw e;
                prepared.remove(h);
            }
        }
    }

    /** Forgets the prepared parents; true when there were any, so preparing them again could change something. */
    public boolean forgetParents() {
        boolean any = !prepared.isEmpty();
        prepared.clear();
        return any;
    }

    /** The parent directory in {@code h}, created and prepared as needed. */
    public Path ensureParent(Hierarchy h, String parent) throws IOException {
        Path cur = h.mount();
        if (h.unified()) enableControllers(cur, h.controllers());
        for (String part : parent.split("/")) {
            Path next = cur.resolve(part);
            try {
                fs.mkdir(next);
            } catch (ErrnoException.AlreadyExists exists) {
                // Made by an earlier group or another process: prepared below all the same, idempotently.
            }
            if (!h.unified() && h.serves(Controller.CPUSET)) {
                fillFromParent(next, cur, "cpuset.cpus");
                fillFromParent(next, cur, "cpuset.mems");
            }
            if (h.unified()) enableControllers(next, h.controllers());
            cur = next;
        }
        return cur;
    }

    private void fillFromParent(Path dir, Path parent, String file) throws IOException {
        if (!fs.read(dir.resolve(file)).isBlank()) return;
        String inherited = fs.read(parent.resolve(file)).strip();
        if (inherited.isEmpty()) throw new CgroupException(parent.resolve(file) + " is empty: nothing to give " + dir);
        fs.write(dir.resolve(file), inherited);
    }

    private void enableControllers(Path dir, Set<Controller> wanted) throws IOException {
        if (wanted.isEmpty()) return;
        Set<String> enabled = Arrays.stream(fs.read(dir.resolve("cgroup.subtree_control")).strip().split("\\s+"))
                .collect(Collectors.toSet());
        Set<String> missing = new LinkedHashSet<>();
        for (Controller c : wanted) if (!enabled.contains(c.kernelName())) missing.add("+" + c.kernelName());
        if (!missing.isEmpty()) fs.write(dir.resolve("cgroup.subtree_control"), String.join(" ", missing));
    }

    /** The levels of a parent path, checked: relative, no empty, dot or dot-dot component. */
    public static List<String> parentParts(String parent) {
        List<String> parts = List.of(parent.split("/", -1));
        for (String p : parts)
            if (p.isEmpty() || p.equals(".") || p.equals(".."))
                throw new IllegalArgumentException("parent \"" + parent + "\" must be a relative path like uvac or a/b");
        return parts;
    }
}
