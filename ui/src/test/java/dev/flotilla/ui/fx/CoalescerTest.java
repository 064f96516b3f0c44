package dev.flotilla.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.BotEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void aDrainTakesEverythingSinceTheLastOneInOrder() {
        Coalescer c = new Coalescer(10);
        c.add(new BotEvent.BotStarted(1, "a"));
        c.add(new BotEvent.BotStopped(2, "a"));
        assertThat(c.drain()).extracting(e -> e.time()).containsExactly(1L, 2L);
        assertThat(c.drain()).isEmpty();
    }

    @Test
    void beyondItsCapacityEventsAreDroppedAndCountedNeverWaitedFor() {
        Coalescer c = new Coalescer(3);
        for (int i = 0; i < 5; i++) c.add(new BotEvent.BotStarted(i, "a"));
        assertThat(c.drain()).hasSize(3);
        assertThat(c.dropped()).isEqualTo(2);
        c.add(new BotEvent.BotStarted(9, "a"));
        assertThat(c.drain()).hasSize(1);
        assertThat(c.dropped()).isEqualTo(2);
    }

    @Test
    void manyThreadsMayAddWhileOneDrains() throws Exception {
        Coalescer c = new Coalescer(1_000_000);
        int threads = 4;
        int each = 10_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) c.add(new BotEvent.BotStarted(i, "a"));
                done.countDown();
            });
        }
        List<Object> seen = new ArrayList<>();
        while (done.getCount() > 0) seen.addAll(c.drain());
        seen.addAll(c.drain());
        assertThat(seen).hasSize(threads * each);
        assertThat(c.dropped()).isZero();
    }
}
