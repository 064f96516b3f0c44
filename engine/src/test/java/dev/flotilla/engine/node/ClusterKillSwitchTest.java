package dev.flotilla.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The cluster's kill switch goes through the database: asked by an operator who runs no bot, applied by the node that
 * runs the fleet at its next heartbeat, kept by the node that takes the fleet over after a crash, and lifted the same
 * way.
 */
class ClusterKillSwitchTest {

    static final Duration RUN = Duration.ofDays(200);  // longer than the test lasts: the engines are running throughout
    static final Duration BEAT = Duration.ofMillis(200);

    private static boolean halted(NodeRuntime node) {
        Engine e = node.engine();
        return e != null && e.risk().status().killSwitch();
    }

    @Test
    void askedOnceItHaltsTheNodeRunningTheFleetAndTheNodeThatTakesItOverThenLiftsOnBoth() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        Cluster.seed(where);
        Duration ttl = Duration.ofMillis(1_500);
        try (Cluster.Node a = Cluster.node(where, "node-a", ttl, BEAT, RUN, UnaryOperator.identity());
             Cluster.Node b = Cluster.node(where, "node-b", ttl, BEAT, RUN, UnaryOperator.identity());
             Store operator = new Store(Database.openNode(where, "operator"))) {
            a.runtime().start();
            Cluster.await(() -> a.runtime().engine() != null && a.runtime().engine().clock().now() > Cluster.START + 86_400_000L,
                    Duration.ofSeconds(60));
            assertThat(halted(a.runtime())).isFalse();

            assertThat(ClusterKillSwitch.request(operator, ClusterKillSwitch.State.ON).seq()).isEqualTo(1);
            Cluster.await(() -> halted(a.runtime()), Duration.ofSeconds(10));
            Thread.sleep(300);  // an order already under way when the switch came is booked
            int orders = operator.fills().size();
            long haltedAt = a.runtime().engine().clock().now();
            Cluster.await(() -> a.runtime().engine().clock().now() > haltedAt + 7 * 86_400_000L, Duration.ofSeconds(60));
            assertThat(operator.fills()).as("a halted fleet sends no automated order for a week of engine time").hasSize(orders);

            b.runtime().start();
            a.runtime().kill();  // a crash: the leases lapse and node-b builds its own engine for the fleet
            Cluster.await(() -> b.runtime().held().size() == 45 && b.runtime().engine() != null, Duration.ofSeconds(30));
            Cluster.await(() -> b.runtime().engine().clock().now() > haltedAt + 14 * 86_400_000L, Duration.ofSeconds(60));
            assertThat(halted(b.runtime())).as("the fleet stays halted on the node that took it over").isTrue();
            assertThat(operator.fills()).hasSize(orders);

            ClusterKillSwitch.request(operator, ClusterKillSwitch.State.OFF);
            Cluster.await(() -> !halted(b.runtime()), Duration.ofSeconds(10));
            Cluster.await(() -> operator.fills().size() > orders, Duration.ofSeconds(60));  // trading again
        }
        Cluster.assertConsistent(where);
    }

    @Test
    void anUnknownStateIsRefusedWithTheChoices() {
        assertThat(ClusterKillSwitch.parse(" Flatten ")).isEqualTo(ClusterKillSwitch.State.FLATTEN);
        assertThatThrownBy(() -> ClusterKillSwitch.parse("halt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on, flatten or off");
    }
}
