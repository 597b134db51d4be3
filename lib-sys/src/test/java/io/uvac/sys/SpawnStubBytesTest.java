package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stub bytes embedded in Java are exactly what the system assembler makes of the listing in the repo. */
class SpawnStubBytesTest {

    @Test
    void embeddedBytesMatchTheAssemblyListing(@TempDir Path dir) throws Exception {
        Path listing = Path.of("src/main/asm/spawn-x86_64.S").toAbsolutePath();
        Path obj = dir.resolve("s.o"), bin = dir.resolve("s.bin");
        if (!run(dir, "as", "--version")) Privileged.unavailable("the assembler `as` is missing: apt-get install binutils");
        assertEquals(true, run(dir, "as", "-o", obj.toString(), listing.toString()), "as " + listing);
        assertEquals(true, run(dir, "objcopy", "-O", "binary", "-j", ".text", obj.toString(), bin.toString()));
        String assembled = HexFormat.of().formatHex(Files.readAllBytes(bin));
        var field = Class.forName("io.uvac.sys.spawn.SpawnStub").getDeclaredField("X86_64_HEX");
        field.setAccessible(true);
        assertEquals(assembled, field.get(null), "regenerate SpawnStub.X86_64_HEX from " + listing);
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
