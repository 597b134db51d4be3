package io.uvac.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ResourcesTest {

    @Test
    void builderCollectsEveryPart() {
        Resources r = Resources.builder().memory("10M").cpus("0.5").cpusetCpus("0-1").cpusetMems("0").pidsMax(64).build();
        assertEquals(new Resources(OptionalLong.of(10 << 20), OptionalDouble.of(0.5), Optional.of(CpuList.parse("0-1")),
                Optional.of(CpuList.of(0)), OptionalLong.of(64)), r);
        assertEquals(OptionalLong.of(50_000), r.cpuQuotaMicros());
        assertTrue(Resources.none().isEmpty());
        assertEquals(OptionalLong.empty(), Resources.none().cpuQuotaMicros());
    }

    @Test
    void quotaIsTheFractionOfTheHundredMillisecondPeriod() {
        assertEquals(OptionalLong.of(25_000), Resources.builder().cpus(0.25).build().cpuQuotaMicros());
        assertEquals(OptionalLong.of(1_000), Resources.builder().cpus(0.01).build().cpuQuotaMicros());
        assertEquals(OptionalLong.of(150_000), Resources.builder().cpus(1.5).build().cpuQuotaMicros());
    }

    @Test
    void invalidValuesAreNamedWithTheReason() {
        assertEquals("memory limit must be positive, got -1 bytes", fail(() -> Resources.builder().memory(-1)));
        assertEquals("memory limit must be positive, got 0 (leave it unset for no limit)",
                fail(() -> Resources.builder().memory(0)));
        assertEquals("memory limit: size \"ten\" is not a number with an optional unit (b, k, m, g, t, p; e.g. 10M, 512k, 1.5G)",
                fail(() -> Resources.builder().memory("ten")));
        assertEquals("memory limit: size \"-5M\" is negative", fail(() -> Resources.builder().memory("-5M")));
        assertEquals("cpus must be positive, got 0 (leave it unset for no limit)", fail(() -> Resources.builder().cpus(0)));
        assertEquals("cpus must be positive, got -0.5", fail(() -> Resources.builder().cpus(-0.5)));
        assertEquals("cpus must be a finite number, got NaN", fail(() -> Resources.builder().cpus(Double.NaN)));
        assertEquals("cpus 0.001 is below the minimum 0.01 (the kernel refuses a quota under 1 ms per 100 ms period)",
                fail(() -> Resources.builder().cpus(0.001)));
        assertEquals("cpus \"half\" is not a number (e.g. 0.5, 2)", fail(() -> Resources.builder().cpus("half")));
        assertEquals("cpuset CPUs: list \"0-\": \"0-\" is not a number N or a range N-M (format: 0-3,6)",
                fail(() -> Resources.builder().cpusetCpus("0-")));
        assertEquals("cpuset CPUs must name at least one, got an empty list", fail(() -> Resources.builder().cpusetCpus("")));
        assertEquals("cpuset memory nodes must name at least one, got an empty list",
                fail(() -> Resources.builder().cpusetMems(CpuList.empty())));
        assertEquals("pids limit must be at least 1, got 0 (leave it unset for no limit)",
                fail(() -> Resources.builder().pidsMax(0)));
        assertEquals("pids limit must be at least 1, got -3", fail(() -> Resources.builder().pidsMax(-3)));
    }

    @Test
    void theRecordConstructorValidatesToo() {
        assertEquals("pids limit must be at least 1, got 0 (leave it unset for no limit)",
                fail(() -> new Resources(OptionalLong.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
                        OptionalLong.of(0))));
    }

    private static String fail(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
