package dev.flotilla.ui.screen.startstop;

import static dev.flotilla.ui.Snapshots.bot;
import static dev.flotilla.ui.Snapshots.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.model.BotStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartStopModelTest {

    static final FleetSnapshot S = fleet(1, bot("a", BotStatus.RUNNING, "1", "1"), bot("b", BotStatus.STOPPED, "1", "1"),
            bot("c", BotStatus.ERROR, "1", "1"), bot("d", BotStatus.RUNNING, "1", "1"));

    @Test
    void itSaysWhichBotsWouldChangeBeforeOk() {
        StartStopModel m = new StartStopModel(() -> S, List.of("a", "b"), StartStopModel.Action.STOP);
        assertThat(m.targets()).containsExactly("a");
        assertThat(m.okText().get()).isEqualTo("Stop 1 bot");
        assertThat(m.valid().get()).isTrue();
        m.action().set(StartStopModel.Action.START);
        assertThat(m.targets()).containsExactly("b");
        m.scope().set(StartStopModel.Scope.ALL);
        assertThat(m.targets()).containsExactly("b", "c");
        assertThat(m.okText().get()).isEqualTo("Start 2 bots");
        assertThat(m.summary().get()).startsWith("Starts b, c.");
    }

    @Test
    void okIsRefusedWhenNothingWouldChangeOrNothingIsSelected() {
        StartStopModel m = new StartStopModel(() -> S, List.of("a", "d"), StartStopModel.Action.START);
        assertThat(m.valid().get()).isFalse();
        assertThat(m.message().get()).isEqualTo("All 2 bots are already running");
        StartStopModel none = new StartStopModel(() -> S, List.of(), StartStopModel.Action.STOP);
        assertThat(none.scope().get()).isEqualTo(StartStopModel.Scope.ALL);
        none.scope().set(StartStopModel.Scope.SELECTED);
        assertThat(none.valid().get()).isFalse();
        assertThat(none.message().get()).contains("No bot is selected");
    }
}
