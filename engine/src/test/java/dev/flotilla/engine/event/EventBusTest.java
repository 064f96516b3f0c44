package dev.flotilla.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private static EngineEvent started(long t) {
        return new BotEvent.BotStarted(t, "b");
    }

    @Test
    void everySubscriberGetsEveryEventInOrder() throws Exception {
        try (EventBus bus = new EventBus()) {
            List<Long> a = new CopyOnWriteArrayList<>();
            List<Long> b = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(2);
            bus.subscribe("a", e -> { a.add(e.time()); if (e.time() == 99) done.countDown(); });
            bus.subscribe("b", e -> { b.add(e.time()); if (e.time() == 99) done.countDown(); });
            for (int i = 0; i < 100; i++) bus.publish(started(i));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(a).hasSize(100).isSorted();
            assertThat(b).isEqualTo(a);
            assertThat(bus.totalDropped()).isZero();
        }
    }

    @Test
    void aSlowSubscriberLosesEventsToItsFullQueueWithoutHoldingUpPublishers() throws Exception {
        try (EventBus bus = new EventBus()) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch fastDone = new CountDownLatch(1);
            bus.subscribe("slow", 10, e -> {
                try {
                    release.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            });
            bus.subscribe("fast", 1_000, e -> { if (e.time() == 499) fastDone.countDown(); });
            // the slow handler is blocked until release: if publishing waited for it, this loop would never end
            for (int i = 0; i < 500; i++) bus.publish(started(i));
            assertThat(fastDone.await(5, TimeUnit.SECONDS)).isTrue();
            // the slow one holds one event in its handler and ten in its queue; the rest are counted as dropped
            assertThat(bus.dropCounts().get("slow")).isBetween(489L, 490L);
            assertThat(bus.dropCounts().get("fast")).isZero();
            release.countDown();
        }
    }

    @Test
    void aThrowingSubscriberKeepsReceiving() throws Exception {
        try (EventBus bus = new EventBus()) {
            CountDownLatch got = new CountDownLatch(3);
            bus.subscribe("bad", e -> {
                got.countDown();
                throw new IllegalStateException("subscriber bug");
            });
            for (int i = 0; i < 3; i++) bus.publish(started(i));
            assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
