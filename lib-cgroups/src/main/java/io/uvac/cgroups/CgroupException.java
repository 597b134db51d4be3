package io.uvac.cgroups;

import java.io.IOException;

/**
 * A cgroup operation failed for a reason that is not one system call's errno: a controller the host does not
 * offer, processes that survived a kill until the deadline, a group still busy after the bounded rmdir
 * retries. Failures of a single call are {@link io.uvac.sys.ErrnoException}s instead, naming the file and value.
 */
public class CgroupException extends IOException {
    private static final long serialVersionUID = 1L;

    public CgroupException(String message) {
        super(message);
    }

    public CgroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
