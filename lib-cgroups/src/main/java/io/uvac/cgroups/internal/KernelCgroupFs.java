package io.uvac.cgroups.internal;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Dirs;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.fcntl_h;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link CgroupFs} on the real filesystem. Writes and directory changes go through lib-sys so the errno
 * survives; reads and listings use java.nio, whose exceptions say enough for those.
 */
public class KernelCgroupFs implements CgroupFs {

    @Override
    public void mkdir(Path dir) throws ErrnoException {
        Posix.mkdir(dir.toString(), 0755);
    }

    @Override
    public void rmdir(Path dir) throws ErrnoException {
        Dirs.rmdir(dir.toString());
    }

    @Override
    public void write(Path file, String value) throws ErrnoException {
        String what = file + " = \"" + value + "\"";
        Fd fd;
        try {
            fd = Posix.open(file.toString(), fcntl_h.O_WRONLY | fcntl_h.O_TRUNC);
        } catch (ErrnoException e) {
            // Report the failed open as the failed write it is, so the message still carries the value.
            throw ErrnoException.of("write", what, e.errno());
        }
        try (fd) {
            Posix.writeString(fd.get(), value, what);
        }
    }

    @Override
    public String read(Path file) throws IOException {
        return Files.readString(file);
    }

    @Override
    public boolean exists(Path file) {
        return Files.exists(file);
    }

    @Override
    public List<Path> childGroups(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (NoSuchFileException gone) {
            return List.of();
        }
    }

    @Override
    public Fd openForWrite(Path file) throws ErrnoException {
        return Posix.open(file.toString(), fcntl_h.O_WRONLY);
    }

    @Override
    public Fd openDirectory(Path dir) throws ErrnoException {
        return Posix.open(dir.toString(), fcntl_h.O_RDONLY | fcntl_h.O_DIRECTORY);
    }
}
