package dev.flotilla.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReloadTest {

    /** A loader that holds the work until the test lets it finish. */
    static final class HeldLoader implements Loader {
        final List<Runnable> pending = new ArrayList<>();
        int started;

        @Override
        public <T> void load(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
            started++;
            pending.add(() -> onFx.accept(work.get()));
        }

        void finishOne() {
            pending.removeFirst().run();
        }
    }

    @Test
    void requestsWhileOneRunsAreServedByOneMoreRun() {
        HeldLoader loader = new HeldLoader();
        int[] value = {0};
        List<Integer> applied = new ArrayList<>();
        Reload<Integer> r = new Reload<>(loader, () -> () -> ++value[0], applied::add);
        r.request();
        r.request();
        r.request();
        r.request();
        assertThat(loader.started).isEqualTo(1);
        loader.finishOne();
        assertThat(loader.started).isEqualTo(2);
        loader.finishOne();
        assertThat(applied).containsExactly(1, 2);
        assertThat(loader.pending).isEmpty();
    }

    @Test
    void aFailedRunDoesNotBlockTheNext() {
        int[] calls = {0};
        List<Integer> applied = new ArrayList<>();
        Reload<Integer> r = new Reload<>(Loader.DIRECT, () -> () -> {
            if (calls[0]++ == 0) throw new IllegalStateException("store busy");
            return calls[0];
        }, applied::add);
        r.request();
        r.request();
        assertThat(applied).containsExactly(2);
    }

    @Test
    void aRequestMadeWhileARunFailsIsServedAfterIt() {
        List<Integer> applied = new ArrayList<>();
        int[] calls = {0};
        List<Runnable> pending = new ArrayList<>();
        Loader held = new Loader() {
            @Override
            public <T> void load(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
                pending.add(() -> {
                    try {
                        onFx.accept(work.get());
                    } catch (RuntimeException e) {
                        onError.accept(e);
                    }
                });
            }
        };
        Reload<Integer> r = new Reload<>(held, () -> () -> {
            if (calls[0]++ == 0) throw new IllegalStateException("store busy");
            return calls[0];
        }, applied::add);
        r.request();
        r.request();  // while the first runs (and is about to fail)
        pending.removeFirst().run();
        assertThat(pending).as("the held request runs after the failure").hasSize(1);
        pending.removeFirst().run();
        assertThat(applied).containsExactly(2);
    }

    @Test
    void requestsThatFollowTradingKeepAGapBetweenRunsAndArePolledAfterIt() {
        HeldLoader loader = new HeldLoader();
        int[] value = {0};
        List<Integer> applied = new ArrayList<>();
        Reload<Integer> held = new Reload<>(loader, () -> () -> ++value[0], applied::add, 60_000);
        held.requestSoon();  // the first run starts at once
        loader.finishOne();
        held.requestSoon();
        held.requestSoon();
        held.poll();
        assertThat(loader.started).as("inside the gap nothing runs").isEqualTo(1);
        held.request();  // a trader's own change (another bot, another range) does not wait
        assertThat(loader.started).isEqualTo(2);
        loader.finishOne();
        held.poll();
        assertThat(loader.started).as("the immediate run served the held request").isEqualTo(2);
        assertThat(applied).containsExactly(1, 2);
    }

    @Test
    void aHeldRequestRunsOnceAtThePollAfterTheGap() throws InterruptedException {
        HeldLoader loader = new HeldLoader();
        Reload<Integer> r = new Reload<>(loader, () -> () -> 1, x -> { }, 5);
        r.requestSoon();
        r.requestSoon();  // while the first runs: held
        loader.finishOne();
        assertThat(loader.started).isEqualTo(1);
        Thread.sleep(20);
        r.poll();
        r.poll();
        assertThat(loader.started).isEqualTo(2);
        loader.finishOne();
        r.poll();
        assertThat(loader.started).isEqualTo(2);
    }
}
