package io.uvac.sys.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The refill core on plain objects: bounded, refilled, failures surfaced, nothing left undisposed at close. */
@Timeout(30)
class ReadyPoolTest {
    private final AtomicInteger made = new AtomicInteger();
    private final Set<Integer> disposed = ConcurrentHashMap.newKeySet();

    private ReadyPool<Integer> pool(int size, ReadyPool.Maker<Integer> maker) {
        ReadyPool<Integer> p = new ReadyPool<>("test-pool", size, maker, disposed::add);
        p.start();
        return p;
    }

    private static void awaitReady(ReadyPool<?> p, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.ready() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("pool never reached " + n + " ready: " + p);
            Thread.sleep(1);
        }
    }

    @Test
    void fillsToItsSizeAndNoFurther() throws Exception {
        try (ReadyPool<Integer> p = pool(3, made::getAndIncrement)) {
            awaitReady(p, 3);
            Thread.sleep(50);
            assertEquals(3, p.ready());
            assertEquals(3, made.get());
            assertEquals(3, p.prepared());
        }
    }

    @Test
    void takeHandsOutInOrderAndTheRefillReplacesWhatWasTaken() throws Exception {
        try (ReadyPool<Integer> p = pool(2, made::getAndIncrement)) {
            assertEquals(0, p.take());
            assertEquals(1, p.take());
            assertEquals(2, p.take());
            awaitReady(p, 2);
            assertEquals(5, made.get());
        }
        assertEquals(Set.of(3, 4), disposed, "close disposes of exactly what was not taken");
    }

    @Test
    void takeWithTimeoutIsEmptyWhenNothingComes() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ReadyPool<Integer> p = pool(1, () -> {
            never.await();
            return 1;
        })) {
            assertTrue(p.take(Duration.ofMillis(20)).isEmpty());
            never.countDown();
            assertEquals(1, p.take(Duration.ofSeconds(10)).orElseThrow());
        }
    }

    @Test
    void aFailingMakeFailsTakeWithItsCauseThenTheRetrySucceeds() throws Exception {
        IOException boom = new IOException("boom");
        try (ReadyPool<Integer> p = pool(1, () -> {
            if (made.getAndIncrement() < 2) throw boom;
            return 7;
        })) {
            var e = assertThrows(IllegalStateException.class, p::take);
            assertSame(boom, e.getCause());
            assertEquals("nothing ready: refilling fails: boom", e.getMessage());
            awaitReady(p, 1);
            assertEquals(7, p.take());
        }
    }

    @Test
    void closeDisposesAnItemFinishedAfterItAndRefusesTakes() throws Exception {
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> disposedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        ReadyPool<Integer> p = new ReadyPool<>("test-pool", 1, () -> {
            making.countDown();
            finish.await();
            return 42;
        }, i -> disposedOn.add(i + " on " + Thread.currentThread().getName()));
        p.start();
        making.await();
        java.util.concurrent.atomic.AtomicReference<Throwable> closeFailed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                p.close();
            } catch (Throwable t) {
                closeFailed.set(t);
            }
        });
        // Closed once take no longer waits but refuses; only then may the item in the making be finished.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                p.take(Duration.ZERO);
            } catch (IllegalStateException closed) {
                break;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("close never took effect");
            Thread.sleep(1);
        }
        finish.countDown();
        closer.join();
        assertEquals(null, closeFailed.get());
        assertEquals(List.of("42 on test-pool"), disposedOn, "the refill thread disposed of what it finished too late");
        p.close(); // idempotent
    }

    @Test
    void closeTriesEveryItemAndThrowsTheFirstFailureWithTheOthersSuppressed() throws Exception {
        ReadyPool<Integer> p = new ReadyPool<>("test-pool", 3, made::getAndIncrement, i -> {
            throw new IOException("cannot dispose " + i);
        });
        p.start();
        awaitReady(p, 3);
        var e = assertThrows(IOException.class, p::close);
        assertEquals("cannot dispose 0", e.getMessage());
        assertEquals(List.of("cannot dispose 1", "cannot dispose 2"),
                List.of(e.getSuppressed()).stream().map(Throwable::getMessage).toList());
        assertFalse(p.toString().isEmpty());
    }

    @Test
    void sizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReadyPool<Integer>("x", 0, () -> 1, i -> {}));
    }
}
