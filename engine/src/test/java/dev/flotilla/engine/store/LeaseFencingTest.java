package dev.flotilla.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine nodes on one PostgreSQL database (issue 17, decision 0032): the database itself refuses a node's write of a
 * bot it holds no lease of under its fencing number, whatever code makes the write; nodes share the database with
 * each other and never with an app.
 */
class LeaseFencingTest {

    static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    /** A write of a bot's books as any code might make it: straight SQL, no lease check of its own. */
    private static void setCash(Store store, String bot, String cash) {
        store.write(tx -> tx.dsl().execute("INSERT INTO accounts (bot_id, cash, realized_pnl, fees) VALUES (?, ?, '0', '0')"
                + " ON CONFLICT (bot_id) DO UPDATE SET cash = EXCLUDED.cash", bot, cash));
    }

    private static String cash(Store store, String bot) {
        return store.read(ctx -> ctx.fetchValue("SELECT cash FROM accounts WHERE bot_id = ?", bot)).toString();
    }

    @Test
    void aNodeWhoseLeasePassedCommitsNothingOfThatBotAndTheNewHoldersWritesStand() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        try (Store app = new Store(Database.open(where))) {  // the fleet, as the app that set the database up left it
            app.write(tx -> {
                for (int i = 1; i <= 2; i++) tx.insertBot(StoreRepositoriesTest.bot("bot-" + i), i);
            });
            new LeaseStore(app).register();
            setCash(app, "bot-1", "100");  // the app holds the database alone: it is not fenced
        }
        try (Store a = new Store(Database.openNode(where, "node-a")); Store b = new Store(Database.openNode(where, "node-b"))) {
            assertThatThrownBy(() -> setCash(a, "bot-1", "1")).as("no lease yet")
                    .isInstanceOf(LeaseStore.LeaseLostException.class)
                    .hasMessageContaining("node node-a holds no lease of bot bot-1 under its fencing number");
            List<LeaseStore.Lease> held = new LeaseStore(a).take("node-a", 2, Duration.ofSeconds(2));
            assertThat(held).extracting(LeaseStore.Lease::fence).containsOnly(1L);
            setCash(a, "bot-1", "101");
            assertThat(cash(a, "bot-1")).isEqualTo("101");

            Thread.sleep(2_500);  // node-a misses its heartbeats (a long pause, say): its leases lapse
            assertThatThrownBy(() -> setCash(a, "bot-1", "102")).as("a lapsed lease, though nobody took it yet")
                    .isInstanceOf(LeaseStore.LeaseLostException.class);
            List<LeaseStore.Lease> taken = new LeaseStore(b).take("node-b", 1, LONG);
            assertThat(taken).singleElement().satisfies(l -> {
                assertThat(l.botId()).isEqualTo("bot-1");
                assertThat(l.fence()).isEqualTo(2L);
            });
            setCash(b, "bot-1", "200");
            assertThatThrownBy(() -> setCash(a, "bot-1", "103")).isInstanceOf(LeaseStore.LeaseLostException.class);
            assertThat(new LeaseStore(a).heartbeat("node-a", held, LONG)).as("node-a learns it lost both").isEmpty();

            // node-a takes bot-2 again under a new fence; it may write bot-2, never bot-1
            assertThat(new LeaseStore(a).take("node-a", 2, LONG)).singleElement()
                    .satisfies(l -> assertThat(l.fence()).isEqualTo(2L));
            setCash(a, "bot-2", "300");
            assertThatThrownBy(() -> a.write(tx -> {  // one refused row refuses its whole transaction
                tx.dsl().execute("UPDATE accounts SET cash = '301' WHERE bot_id = 'bot-2'");
                tx.dsl().execute("UPDATE accounts SET cash = '104' WHERE bot_id = 'bot-1'");
            })).isInstanceOf(LeaseStore.LeaseLostException.class);
            assertThat(cash(b, "bot-1")).isEqualTo("200");
            assertThat(cash(b, "bot-2")).isEqualTo("300");

            // a node that gives a bot back cannot write it after
            new LeaseStore(b).release("node-b", taken.getFirst());
            assertThatThrownBy(() -> setCash(b, "bot-1", "201")).isInstanceOf(LeaseStore.LeaseLostException.class);

            assertThatThrownBy(() -> Database.open(where)).as("no app beside nodes")
                    .isInstanceOf(StoreException.class).hasMessageContaining("in use by another Flotilla");
            assertThatThrownBy(() -> new LeaseStore(a).take("node-b", 1, LONG)).as("a node takes leases as itself only")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (Store app = new Store(Database.open(where))) {
            assertThatThrownBy(() -> Database.openNode(where, "node-c")).as("no node beside an app")
                    .isInstanceOf(StoreException.class).hasMessageContaining("in use by a Flotilla app");
            setCash(app, "bot-1", "500");
            assertThat(cash(app, "bot-1")).isEqualTo("500");
        }
    }

    @Test
    void nodesNeedAPostgresqlDatabaseAndAPlainName() {
        assertThatThrownBy(() -> Database.openNode(StoreLocation.folder(dir), "node-a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQLite file");
        assertThatThrownBy(() -> Database.openNode(TestServer.newDatabase(), "node a; DROP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node name");
    }
}
