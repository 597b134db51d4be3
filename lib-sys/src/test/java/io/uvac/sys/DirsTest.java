package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.internal.Dirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rmdir binding on a real filesystem: success, and the errno of each refusal kept by type and name. */
class DirsTest {

    @Test
    void removesAnEmptyDirectory(@TempDir Path tmp) throws Exception {
        Path d = Files.createDirectory(tmp.resolve("empty"));
        Dirs.rmdir(d.toString());
        assertFalse(Files.exists(d));
    }

    @Test
    void missingDirectoryIsNotFound(@TempDir Path tmp) {
        String p = tmp.resolve("absent").toString();
        var e = assertThrows(ErrnoException.NotFound.class, () -> Dirs.rmdir(p));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("rmdir " + p + ": No such file or directory (ENOENT)", e.getMessage());
    }

    @Test
    void nonEmptyDirectoryKeepsENOTEMPTY(@TempDir Path tmp) throws Exception {
        Path d = Files.createDirectory(tmp.resolve("full"));
        Files.writeString(d.resolve("f"), "x");
        var e = assertThrows(ErrnoException.class, () -> Dirs.rmdir(d.toString()));
        assertEquals(Errno.ENOTEMPTY, e.errno());
        assertTrue(Files.isDirectory(d));
    }
}
