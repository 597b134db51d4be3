package io.uvac.namespaces;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mount targets are resolved under the rootfs before pivot_root: a '..' component walks out of it and a
 * mount over '/' hides it. Both used to pass validation and fail half-way through the plan, after the
 * process existed ("chdir ...: No such file or directory at step 53/61"); now the spec refuses them.
 */
class MountTargetValidationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/x/../..     | must not contain '..'",
            "/..          | must not contain '..'",
            "/etc/../../x | must not contain '..'",
            "/            | must not be the root directory",
            "//           | must not be the root directory",
            "/./          | must not be the root directory",
            "relative     | must be an absolute path",
            "''           | is empty"})
    void refusedTargets(String target, String message) {
        for (var make : java.util.List.<java.util.function.Function<String, Mount>>of(
                t -> Mount.bind(Path.of("/etc"), t, false), t -> Mount.tmpfs(t, ""), Mount::proc,
                t -> new Mount.Mask(t, false), Mount.ReadOnly::new, t -> new Mount.Symlink("x", t))) {
            var e = assertThrows(IllegalArgumentException.class, () -> make.apply(target));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp", "/a/b/c", "/x..y", "/..hidden", "/a/./b"})
    void acceptedTargets(String target) {
        assertDoesNotThrow(() -> Mount.bind(Path.of("/etc"), target, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 100_000})
    void overlongAndNulTargetsAreRefused(int length) {
        assertThrows(IllegalArgumentException.class, () -> Mount.tmpfs("/" + "a".repeat(length), ""));
        assertThrows(IllegalArgumentException.class, () -> Mount.tmpfs("/a\0b", ""));
    }
}
