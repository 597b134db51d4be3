package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.uvac.sys.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine code embedded in Java is exactly what the system's as (and ld) make of the listings in the repo. */
class AsmListingsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void binutils() {
        if (!run(Path.of("."), "as", "--version") || !run(Path.of("."), "ld", "--version"))
            Privileged.unavailable("as and ld are missing: apt-get install binutils");
    }

    @Test
    void spawnStubMatchesItsListing() throws Exception {
        Path obj = assemble("spawn-x86_64.S"), bin = dir.resolve("s.bin");
        exec("objcopy", "-O", "binary", "-j", ".text", obj.toString(), bin.toString());
        assertEquals(HexFormat.of().formatHex(Files.readAllBytes(bin)), embedded("SpawnStub", "X86_64_HEX"),
                "regenerate SpawnStub.X86_64_HEX from spawn-x86_64.S");
    }

    @Test
    void initProgramMatchesItsListing() throws Exception {
        Path obj = assemble("init-x86_64.S"), elf = dir.resolve("uvac-init");
        exec("ld", "-s", "-static", "-nostdlib", "-z", "noseparate-code", "-e", "_start", "-o", elf.toString(), obj.toString());
        assertEquals(HexFormat.of().formatHex(Files.readAllBytes(elf)), embedded("InitProgram", "X86_64_ELF_HEX"),
                "regenerate InitProgram.X86_64_ELF_HEX from init-x86_64.S");
    }

    private Path assemble(String listing) {
        Path obj = dir.resolve(listing + ".o");
        exec("as", "-o", obj.toString(), Path.of("src/main/asm", listing).toAbsolutePath().toString());
        return obj;
    }

    private static String embedded(String cls, String field) throws Exception {
        var f = Class.forName("io.uvac.sys.spawn." + cls).getDeclaredField(field);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    private void exec(String... cmd) {
        assertEquals(true, run(dir, cmd), String.join(" ", List.of(cmd)));
    }

    private static boolean run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
