package dev.flotilla.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL store whose server connections are cut (a server restart, a network outage): the write in flight is
 * refused as the store being unavailable, never replayed, and the next one goes through a new session that holds the
 * database as the lost one did; reads are asked again on a new connection.
 */
class LostConnectionTest {

    @Test
    void aCutConnectionRefusesTheWriteInFlightAndTheNextGoesThroughANewSession() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        try (Store store = new Store(Database.open(where))) {
            store.write(tx -> tx.setting("before", "1"));
            long rows = store.writeStats().rows();
            assertThat(TestServer.cutConnections(where)).isEqualTo(2);  // the writer's and the reader's

            assertThat(store.setting("before")).as("a read is asked again on a new connection").contains("1");
            assertThatThrownBy(() -> store.write(tx -> tx.setting("during", "1")))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageNotContaining(TestServer.PASSWORD);
            assertThat(store.setting("during")).as("nothing of the refused write").isEmpty();
            store.write(tx -> tx.setting("after", "1"));
            assertThat(store.setting("after")).contains("1");
            assertThat(store.writeStats().rows()).as("counted over both sessions").isGreaterThan(rows);

            // the new session holds the database as the old one did: no second app can open it
            assertThatThrownBy(() -> Database.open(where)).isInstanceOf(StoreException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void aNodesNewSessionWritesNoBotUntilItHasTakenItsLeasesAgain() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        try (Store app = new Store(Database.open(where))) {
            app.write(tx -> tx.insertBot(StoreRepositoriesTest.bot("bot-1"), 1));
            new LeaseStore(app).register();
        }
        try (Store node = new Store(Database.openNode(where, "node-a"))) {
            LeaseStore leases = new LeaseStore(node);
            var held = leases.take("node-a", 1, Duration.ofMinutes(5));
            String account = "INSERT INTO accounts (bot_id, cash, realized_pnl, fees) VALUES ('bot-1', ?, '0', '0')"
                    + " ON CONFLICT (bot_id) DO UPDATE SET cash = EXCLUDED.cash";
            node.write(tx -> tx.dsl().execute(account, "1"));
            TestServer.cutConnections(where);
            assertThatThrownBy(() -> node.write(tx -> tx.dsl().execute(account, "2"))).isInstanceOf(StoreUnavailableException.class);
            // the lost session's fencing numbers went with it: refused until the node proves its lease again
            assertThatThrownBy(() -> node.write(tx -> tx.dsl().execute(account, "3"))).isInstanceOf(LeaseStore.LeaseLostException.class);
            leases.release("node-a", held.getFirst());
            leases.take("node-a", 1, Duration.ofMinutes(5));
            node.write(tx -> tx.dsl().execute(account, "4"));
            assertThat(node.<Object>read(ctx -> ctx.fetchValue("SELECT cash FROM accounts WHERE bot_id = 'bot-1'"))).hasToString("4");
        }
    }
}
