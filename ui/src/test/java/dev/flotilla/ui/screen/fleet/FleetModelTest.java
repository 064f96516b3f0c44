package dev.flotilla.ui.screen.fleet;

import static dev.flotilla.ui.Snapshots.bot;
import static dev.flotilla.ui.Snapshots.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.BotStatus;
import org.junit.jupiter.api.Test;

class FleetModelTest {

    @Test
    void rowsAreUpdatedInPlaceAndBotsComeAndGo() {
        FleetModel m = new FleetModel();
        m.show(fleet(1, bot("a", BotStatus.RUNNING, "10000", "10000"), bot("b", BotStatus.RUNNING, "10000", "10000")));
        BotRow a = m.row("a");
        m.show(fleet(2, bot("a", BotStatus.STOPPED, "10100", "10100"), bot("c", BotStatus.RUNNING, "5000", "5000")));
        assertThat(m.row("a")).isSameAs(a);
        assertThat(a.status().get()).isEqualTo(BotStatus.STOPPED);
        assertThat(a.equity().get()).isEqualByComparingTo("10100");
        assertThat(m.rows()).extracting(BotRow::id).containsExactly("a", "c");
    }

    @Test
    void theSameSnapshotTwiceIsShownOnce() {
        FleetModel m = new FleetModel();
        var s = fleet(1, bot("a", BotStatus.RUNNING, "10000", "10000"));
        assertThat(m.show(s)).isTrue();
        assertThat(m.show(s)).isFalse();
        // a command changes the fleet without moving the clock: a new snapshot at the same time is shown
        assertThat(m.show(fleet(1, bot("a", BotStatus.STOPPED, "10000", "10000")))).isTrue();
    }

    @Test
    void theFilterMatchesEveryWordAndFollowsStateChanges() {
        FleetModel m = new FleetModel();
        m.show(fleet(1, bot("ema-btc-15m", BotStatus.RUNNING, "1", "1"), bot("rsi-eth-1h", BotStatus.STOPPED, "1", "1")));
        m.filter().set("ema-btc");
        assertThat(m.shown()).extracting(BotRow::id).containsExactly("ema-btc-15m");
        m.filter().set("stopped");
        assertThat(m.shown()).extracting(BotRow::id).containsExactly("rsi-eth-1h");
        m.show(fleet(2, bot("ema-btc-15m", BotStatus.STOPPED, "1", "1"), bot("rsi-eth-1h", BotStatus.STOPPED, "1", "1")));
        assertThat(m.shown()).hasSize(2);
        m.filter().set("ema running");
        assertThat(m.shown()).isEmpty();
        m.filter().set("");
        assertThat(m.shown()).hasSize(2);
    }
}
