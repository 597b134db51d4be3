package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded uvac-init is exactly what as and ld make of the listing in the repo. */
class InitProgramBytesTest {

    @Test
    void embeddedElfMatchesTheAssemblyListing(@TempDir Path dir) throws Exception {
        Path listing = Path.of("src/main/asm/init-x86_64.S").toAbsolutePath();
        Path obj = dir.resolve("init.o"), elf = dir.resolve("uvac-init");
        if (!run(dir, "ld", "--version")) Privileged.unavailable("the linker `ld` is missing: apt-get install binutils");
        assertEquals(true, run(dir, "as", "-o", obj.toString(), listing.toString()), "as " + listing);
        assertEquals(true, run(dir, "ld", "-s", "-static", "-nostdlib", "-z", "noseparate-code", "-e", "_start",
                "-o", elf.toString(), obj.toString()), "ld");
        var field = Class.forName("io.uvac.sys.spawn.InitProgram").getDeclaredField("X86_64_ELF_HEX");
        field.setAccessible(true);
        assertEquals(HexFormat.of().formatHex(Files.readAllBytes(elf)), field.get(null), "regenerate InitProgram.X86_64_ELF_HEX");
    }

    private static boolean run(Path dir, String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
