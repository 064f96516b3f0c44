package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live fleet's console says so: the mode badge reads LIVE and is red, halted or not. */
class LiveBadgeTest {

    @TempDir
    Path dir;

    @Test
    void theModeBadgeOfALiveFleetIsRed() throws Exception {
        try (OpenConsole open = OpenConsole.open(dir, 60, 1600, 1000, "LIVE on Binance testnet")) {
            Label badge = Fx.on(() -> (Label) open.window.stage().getScene().lookup(".mode-badge"));
            Fx.await("the badge shows the live mode", () -> badge.getText().startsWith("LIVE on Binance testnet"));
            assertThat(Fx.on(() -> badge.getStyleClass().contains("mode-live"))).isTrue();
            Fx.on(() -> Screenshots.save(open.window.stage().getScene(), "console-live"));
            open.live.engine.risk().killSwitchOn(false);
            Fx.await("halted", () -> badge.getText().endsWith("HALTED"));
            assertThat(Fx.on(() -> badge.getStyleClass().contains("mode-halted"))).isTrue();
        }
    }
}
