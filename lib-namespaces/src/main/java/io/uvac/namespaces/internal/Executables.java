package io.uvac.namespaces.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * PATH lookup done by the parent, because the child may call nothing but raw syscalls. With a rootfs the
 * search looks inside it, where the program will really be found after pivot_root.
 */
public final class Executables {
    private Executables() {}

    /** The path to execve: {@code name} itself when it has a slash or is not found (execve then reports ENOENT). */
    public static String resolve(String name, String path, Optional<Path> rootfs) {
        if (name.indexOf('/') >= 0) return name;
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            String candidate = dir + "/" + name;
            Path onHost = rootfs.map(r -> r.resolve(candidate.substring(1))).orElse(Path.of(candidate));
            // Symbolic links inside a rootfs may point to absolute paths that only make sense after pivot_root.
            if (Files.isRegularFile(onHost) || Files.isSymbolicLink(onHost)) return candidate;
        }
        return name;
    }
}
