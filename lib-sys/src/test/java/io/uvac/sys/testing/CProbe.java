package io.uvac.sys.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a C program against the system headers with gcc and returns the values it prints: how the
 * conformance tests prove every constant, struct size and field offset of the hand-written bindings.
 *
 * <pre>
 * Map&lt;String, Long&gt; v = new CProbe("linux/sched.h")
 *         .value("CLONE_NEWPID").size("struct clone_args").offset("struct clone_args", "cgroup").run();
 * </pre>
 */
public final class CProbe {
    private final List<String> includes = new ArrayList<>();
    private final Map<String, String> expressions = new LinkedHashMap<>();
    private final List<String> defines = new ArrayList<>();

    public CProbe(String... headers) {
        includes.addAll(List.of(headers));
    }

    public CProbe define(String macro) {
        defines.add(macro);
        return this;
    }

    /** A constant or macro, printed as a signed 64-bit value. */
    public CProbe value(String expression) {
        return value(expression, expression);
    }

    public CProbe value(String key, String expression) {
        expressions.put(key, "(long long)(" + expression + ")");
        return this;
    }

    public CProbe size(String type) {
        expressions.put("sizeof(" + type + ")", "(long long)sizeof(" + type + ")");
        return this;
    }

    public CProbe offset(String type, String field) {
        expressions.put("offsetof(" + type + ", " + field + ")", "(long long)offsetof(" + type + ", " + field + ")");
        return this;
    }

    public static String key(String type, String field) {
        return "offsetof(" + type + ", " + field + ")";
    }

    public static String sizeKey(String type) {
        return "sizeof(" + type + ")";
    }

    public Map<String, Long> run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("uvac-probe");
        try {
            StringBuilder c = new StringBuilder();
            for (String d : defines) c.append("#define ").append(d).append('\n');
            c.append("#include <stddef.h>\n#include <stdio.h>\n");
            for (String h : includes) c.append("#include <").append(h).append(">\n");
            c.append("int main(void) {\n");
            for (var e : expressions.entrySet())
                c.append("  printf(\"%s=%lld\\n\", \"").append(e.getKey().replace("\"", "\\\""))
                        .append("\", ").append(e.getValue()).append(");\n");
            c.append("  return 0;\n}\n");
            Path src = dir.resolve("probe.c"), bin = dir.resolve("probe");
            Files.writeString(src, c);
            String gccOut = exec(List.of("gcc", "-w", "-o", bin.toString(), src.toString()));
            if (!Files.exists(bin)) throw new IOException("gcc failed on the probe:\n" + gccOut + "\n" + c);
            Map<String, Long> values = new LinkedHashMap<>();
            for (String line : exec(List.of(bin.toString())).split("\n")) {
                int eq = line.lastIndexOf('=');
                if (eq > 0) values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
            }
            return values;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Fails (or skips, outside CI) when gcc is missing: conformance cannot be proven without it. */
    public static void requireGcc() {
        try {
            exec(List.of("gcc", "--version"));
        } catch (IOException | InterruptedException e) {
            Privileged.unavailable("gcc not found: install it with apt-get install gcc (needed by the bindings probe)");
        }
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
