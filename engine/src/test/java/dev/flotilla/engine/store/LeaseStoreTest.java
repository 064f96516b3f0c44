package dev.flotilla.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bot leases: taken without overlap, kept by heartbeats, handed over when they lapse, and fenced in every write. */
@OnBothStores
class LeaseStoreTest {

    static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private Store fleet(int bots) {
        Store store = new Store(TestStores.open(dir));
        store.write(tx -> {
            for (int i = 1; i <= bots; i++) tx.insertBot(StoreRepositoriesTest.bot("bot-" + i), i);
        });
        new LeaseStore(store).register();
        return store;
    }

    @Test
    void twoNodesTakeTheFleetWithoutOverlap() {
        try (Store store = fleet(5)) {
            LeaseStore leases = new LeaseStore(store);
            List<LeaseStore.Lease> a = leases.take("node-a", 3, LONG);
            List<LeaseStore.Lease> b = leases.take("node-b", 5, LONG);
            assertThat(a).extracting(LeaseStore.Lease::botId).containsExactly("bot-1", "bot-2", "bot-3");
            assertThat(b).extracting(LeaseStore.Lease::botId).containsExactly("bot-4", "bot-5");
            assertThat(leases.take("node-c", 5, LONG)).as("nothing is left to take").isEmpty();
            assertThat(leases.leases()).extracting(LeaseStore.Lease::fence).containsOnly(1L);
            new LeaseStore(store).register();  // registering again changes no holding
            assertThat(leases.leases()).extracting(LeaseStore.Lease::node)
                    .containsExactly("node-a", "node-a", "node-a", "node-b", "node-b");
        }
    }

    @Test
    void botsAreTakenAWholeFeedAtATimeSoEachFeedIsFetchedByOneNode() {
        try (Store store = new Store(TestStores.open(dir))) {
            store.write(tx -> {
                int i = 0;
                for (String id : List.of("a-eth-1", "b-btc-1", "c-eth-2", "d-btc-2", "e-btc-3")) {
                    dev.flotilla.engine.model.BotSpec b = StoreRepositoriesTest.bot(id);
                    if (id.contains("eth")) {
                        b = new dev.flotilla.engine.model.BotSpec(id, b.strategy(), dev.flotilla.engine.model.Symbol.parse("ETH/USDT"),
                                b.timeframe(), b.params(), b.capital());
                    }
                    tx.insertBot(b, ++i);
                }
            });
            LeaseStore leases = new LeaseStore(store);
            leases.register();
            // BTC/USDT's three bots come first (symbol order); four would split ETH/USDT's two, so node-a stops at three
            assertThat(leases.take("node-a", 4, LONG)).extracting(LeaseStore.Lease::botId)
                    .containsExactly("b-btc-1", "d-btc-2", "e-btc-3");
            assertThat(leases.take("node-b", 1, LONG)).as("a feed larger than what a node may take is split")
                    .extracting(LeaseStore.Lease::botId).containsExactly("a-eth-1");
            assertThat(leases.take("node-c", 5, LONG)).extracting(LeaseStore.Lease::botId).containsExactly("c-eth-2");
        }
    }

    @Test
    void aLapsedLeaseGoesToAnotherNodeAndTheOldHoldersWritesAreRefused() throws Exception {
        try (Store store = fleet(2)) {
            LeaseStore leases = new LeaseStore(store);
            List<LeaseStore.Lease> a = leases.take("node-a", 2, Duration.ofMillis(300));
            List<LeaseStore.Lease> kept = leases.heartbeat("node-a", a, Duration.ofMillis(300));
            assertThat(kept).hasSize(2);
            assertThat(leases.take("node-b", 2, LONG)).as("held leases are not taken").isEmpty();
            store.write(tx -> {
                LeaseStore.fence(tx, kept.getFirst());
                tx.setting("written-by", "node-a");
            });
            Thread.sleep(400);  // node-a misses its heartbeats: its holdings lapse
            List<LeaseStore.Lease> b = leases.take("node-b", 2, LONG);
            assertThat(b).extracting(LeaseStore.Lease::fence).containsOnly(2L);
            assertThat(leases.heartbeat("node-a", kept, LONG)).as("node-a learns it lost both").isEmpty();
            assertThatThrownBy(() -> store.write(tx -> {
                tx.setting("written-by", "node-a again");
                LeaseStore.fence(tx, kept.getFirst());
            })).isInstanceOf(LeaseStore.LeaseLostException.class).hasMessageContaining("bot-1");
            assertThat(store.setting("written-by")).as("nothing of the refused write was committed").contains("node-a");
            store.write(tx -> {
                LeaseStore.fence(tx, b.getFirst());
                tx.setting("written-by", "node-b");
            });
            assertThat(store.setting("written-by")).contains("node-b");
        }
    }

    @Test
    void aReleasedBotIsFreeAtOnceAndItsNextHolderGetsAHigherFence() {
        try (Store store = fleet(1)) {
            LeaseStore leases = new LeaseStore(store);
            LeaseStore.Lease first = leases.take("node-a", 1, LONG).getFirst();
            leases.release("node-b", first);  // not node-b's to give back
            assertThat(leases.take("node-b", 1, LONG)).isEmpty();
            leases.release("node-a", first);
            LeaseStore.Lease next = leases.take("node-b", 1, LONG).getFirst();
            assertThat(next.fence()).isGreaterThan(first.fence());
            assertThatThrownBy(() -> store.write(tx -> LeaseStore.fence(tx, first)))
                    .isInstanceOf(LeaseStore.LeaseLostException.class);
        }
    }
}
