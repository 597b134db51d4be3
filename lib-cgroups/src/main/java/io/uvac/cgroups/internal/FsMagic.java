package io.uvac.cgroups.internal;

import io.uvac.sys.internal.Posix;
import java.io.IOException;
import java.nio.file.Path;

/** {@code statfs(path).f_type}: the kernel's word on what filesystem a path is on. A seam for detection tests. */
@FunctionalInterface
public interface FsMagic {
    long of(Path path) throws IOException;

    FsMagic STATFS = path -> Posix.statfsType(path.toString());
}
