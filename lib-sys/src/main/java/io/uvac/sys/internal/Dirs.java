package io.uvac.sys.internal;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.raw.NativeLib;
import io.uvac.sys.raw.unistd_h_1;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Checked directory calls that {@link Posix} lacks. Kept in their own class so lib-sys's existing files stay
 * as they are; same conventions: the errno is kept in an {@link ErrnoException} naming the path.
 */
public final class Dirs {
    private Dirs() {}

    /**
     * {@code rmdir(path)}. On cgroupfs EBUSY means the group still has tasks or child groups (callers retry,
     * see lib-cgroups); elsewhere ENOTEMPTY is the usual refusal.
     */
    public static void rmdir(String path) throws ErrnoException {
        MemorySegment errno = Posix.errnoState();
        try (Arena a = Arena.ofConfined()) {
            if (unistd_h_1.rmdir(errno, a.allocateFrom(path)) != 0)
                throw ErrnoException.of("rmdir", path, NativeLib.errno(errno));
        }
    }
}
