package io.uvac.namespaces;

import java.nio.file.Path;

/**
 * A mount made inside the container's mount namespace before its program starts. Targets are paths as the
 * container sees them; with a rootfs they are resolved under it.
 *
 * <pre>
 * Mount.bind(Path.of("/srv/www"), "/www", true)   // ro bind
 * Mount.tmpfs("/tmp", "mode=1777,size=64m")
 * Mount.proc("/proc")
 * </pre>
 */
public sealed interface Mount {
    String target();

    /** {@code mount --rbind source target} (+ a read-only remount when {@code readOnly}). */
    record Bind(Path source, String target, boolean readOnly) implements Mount {
        public Bind {
            Validate.path("bind source", source.toString());
            Validate.mountTarget("bind target", target);
        }
    }

    /** A fresh tmpfs; {@code options} is the mount data string (may be empty). */
    record Tmpfs(String target, String options, boolean readOnly) implements Mount {
        public Tmpfs {
            Validate.mountTarget("tmpfs target", target);
            Validate.noNul("tmpfs options", options);
        }
    }

    /** A procfs of the container's pid namespace, nosuid, nodev, noexec. */
    record Proc(String target) implements Mount {
        public Proc { Validate.mountTarget("proc target", target); }
    }

    /** A sysfs, read-only. Needs a network namespace of its own to show the container's interfaces. */
    record Sysfs(String target) implements Mount {
        public Sysfs { Validate.mountTarget("sysfs target", target); }
    }

    /** A devpts instance with its own ptmx ({@code newinstance}), for ptys inside the container. */
    record Devpts(String target) implements Mount {
        public Devpts { Validate.mountTarget("devpts target", target); }
    }

    /** Hides {@code target}: /dev/null bound over a file, an empty read-only tmpfs over a directory. */
    record Mask(String target, boolean directory) implements Mount {
        public Mask { Validate.mountTarget("masked path", target); }
    }

    /** Makes an existing path read-only (a bind of itself, remounted read-only). */
    record ReadOnly(String target) implements Mount {
        public ReadOnly { Validate.mountTarget("read-only path", target); }
    }

    /** A symbolic link at {@code target} pointing to {@code linkTarget} (e.g. /dev/ptmx -> pts/ptmx). */
    record Symlink(String linkTarget, String target) implements Mount {
        public Symlink {
            Validate.path("symlink content", linkTarget);
            Validate.mountTarget("symlink path", target);
        }
    }

    static Mount bind(Path source, String target, boolean readOnly) { return new Bind(source, target, readOnly); }

    static Mount tmpfs(String target, String options) { return new Tmpfs(target, options, false); }

    static Mount proc(String target) { return new Proc(target); }
}
