package dev.flotilla.ui.screen.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.ui.Snapshots;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KillSwitchModelTest {

    private static FleetSnapshot fleet(int open, int running) {
        return new FleetSnapshot(0, "SANDBOX x60", "ACTIVE", List.of(Snapshots.bot("a", BotStatus.RUNNING, "1", "1")),
                BigDecimal.ONE, BigDecimal.ONE, running, open);
    }

    @Test
    void theConfirmationNamesExactlyWhatEachChoiceDoes() {
        KillSwitchModel m = new KillSwitchModel(fleet(13, 45));
        assertThat(m.confirmation().get()).isEqualTo("Halt: no automated order will be sent, not even a stop-loss; "
                + "13 open positions stay open and unprotected. The 45 running bots keep reading the market, and the fleet "
                + "is HALTED until you release the kill switch.");
        assertThat(m.okText().get()).isEqualTo("Halt the fleet");
        m.choice().set(KillSwitchModel.Choice.FLATTEN);
        assertThat(m.confirmation().get()).isEqualTo("Halt and flatten: 13 positions will be closed at market, then the "
                + "fleet is HALTED: no further automated order until you release the kill switch.");
        assertThat(m.okText().get()).isEqualTo("Halt and flatten");
        assertThat(m.flatten()).isTrue();
    }

    @Test
    void oneOrNoPositionIsSaidSo() {
        KillSwitchModel one = new KillSwitchModel(fleet(1, 3));
        assertThat(one.confirmation().get()).contains("1 open position stays open");
        one.choice().set(KillSwitchModel.Choice.FLATTEN);
        assertThat(one.confirmation().get()).startsWith("Halt and flatten: 1 position will be closed at market");
        KillSwitchModel none = new KillSwitchModel(fleet(0, 3));
        none.choice().set(KillSwitchModel.Choice.FLATTEN);
        assertThat(none.confirmation().get()).startsWith("Halt and flatten: no position is open, so nothing is sold");
        assertThat(KillSwitchModel.releaseText(fleet(1, 3))).endsWith("1 open position gets its stop-loss protection back.");
    }
}
