package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's help: shown over the window on fresh settings, pointing at the kill switch and the fleet table; never again once dismissed. */
class FirstRunHelpTest {

    @TempDir
    Path dir;

    @Test
    void shownOnAFirstStartAndNeverAfterItIsDismissed() throws Exception {
        Path prefs = dir.resolve(Prefs.FILE_NAME);
        Fx.start();
        try (LiveEngine live = new LiveEngine(dir, 60).start()) {
            Console first = Fx.on(() -> {
                Console c = new Console(live.engine, prefs, false, () -> { });
                c.window().stage().setWidth(1600);
                c.window().stage().setHeight(1000);
                c.showFirstTime();
                return c;
            });
            Fx.await("the fleet is listed", () -> first.window().fleet().rows().size() == 45);
            assertThat(Fx.on(() -> first.window().help().showing())).isTrue();
            assertThat(Fx.on(() -> first.window().help().pointsAt())).containsExactly(first.window().figures().killButton(),
                    first.window().table());
            var texts = Fx.on(() -> first.window().help().card().lookupAll(".label").stream()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
            assertThat(texts).contains("The kill switch", "The fleet table", "F1", "Keyboard shortcuts");
            Fx.settle(first.window());
            Fx.on(() -> Screenshots.save(first.window().scene(), "first-run-help"));

            Fx.run(() -> first.window().help().gotIt().fire());
            assertThat(Fx.on(() -> first.window().help().showing())).isFalse();
            assertThat(Files.readString(prefs)).contains("help.seen=true");
            Fx.run(first::quit);

            Console second = Fx.on(() -> {
                Console c = new Console(live.engine, prefs, false, () -> { });
                c.showFirstTime();
                return c;
            });
            assertThat(Fx.on(() -> second.window().help().showing())).as("dismissed before").isFalse();
            assertThat(Fx.on(() -> second.window().help().showIfNew())).isFalse();
            Fx.run(second::quit);
        }
    }
}
