package io.uvac.cgroups.internal;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations lib-cgroups performs on cgroupfs, in one place so unit tests can run the same code
 * against a temp-dir fake that populates control files and records writes (youki's fixture style).
 */
public interface CgroupFs {
    /** mkdir(2) with mode 0755; {@link ErrnoException.AlreadyExists} when the directory exists. */
    void mkdir(Path dir) throws ErrnoException;

    /** rmdir(2); cgroupfs answers EBUSY while the group has tasks or children. */
    void rmdir(Path dir) throws ErrnoException;

    /**
     * Writes {@code value} with a single write(2) on a fresh O_WRONLY|O_TRUNC fd, as cgroupfs wants one value
     * per write. Any failure, of the open or of the write, is an ErrnoException whose message names the file
     * and the value: {@code write /sys/fs/cgroup/memory/uvac/g/memory.limit_in_bytes = "x": Invalid argument (EINVAL)}.
     */
    void write(Path file, String value) throws ErrnoException;

    String read(Path file) throws IOException;

    boolean exists(Path file);

    /** Subdirectories (child groups) of {@code dir}; empty when {@code dir} does not exist. */
    List<Path> childGroups(Path dir) throws IOException;

    /** O_WRONLY|O_CLOEXEC, for a child that writes to it later (v1 attach at spawn). */
    Fd openForWrite(Path file) throws ErrnoException;

    /** O_RDONLY|O_DIRECTORY|O_CLOEXEC, for clone3's CLONE_INTO_CGROUP. */
    Fd openDirectory(Path dir) throws ErrnoException;
}
