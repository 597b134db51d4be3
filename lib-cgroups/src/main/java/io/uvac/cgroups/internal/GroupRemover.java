package io.uvac.cgroups.internal;

import io.uvac.cgroups.CgroupException;
import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Removes a group directory and its child groups, deepest first. The kernel answers EBUSY while a group still
 * has tasks, which lasts a moment after they were killed; those rmdirs are retried until a deadline.
 */
public final class GroupRemover {
    private final CgroupFs fs;
    private final Timeouts timeouts;

    public GroupRemover(CgroupFs fs, Timeouts timeouts) {
        this.fs = fs;
        this.timeouts = timeouts;
    }

    public void removeTree(Path dir) throws IOException {
        for (Path child : fs.childGroups(dir)) removeTree(child);
        Deadline deadline = Deadline.after(timeouts.rmdir());
        for (int attempt = 0; ; attempt++) {
            try {
                fs.rmdir(dir);
                return;
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOENT) return;
                if (e.errno() != Errno.EBUSY) throw e;
                if (deadline.expired())
                    throw new CgroupException("rmdir " + dir + ": still busy after " + (attempt + 1) + " attempts in "
                            + timeouts.rmdir().toMillis() + " ms", e);
            }
            deadline.pause(attempt);
        }
    }
}
