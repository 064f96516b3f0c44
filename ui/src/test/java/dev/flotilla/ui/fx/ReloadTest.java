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
}
