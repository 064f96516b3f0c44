package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.settings.SettingsDialog;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import dev.flotilla.ui.shell.Shortcut;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings dialog and the keyboard shortcuts, on a running engine. */
class SettingsAndHelpTest {

    @TempDir
    Path dir;

    LiveEngine live;
    Console console;
    MainWindow w;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @BeforeEach
    void open() throws Exception {
        live = new LiveEngine(dir, 60).start();
        console = Fx.on(() -> {
            Console c = new Console(live.engine, dir.resolve(Prefs.FILE_NAME), false, () -> { });
            c.show();
            return c;
        });
        w = console.window();
        Fx.await("the fleet is listed", () -> w.fleet().rows().size() == 45);
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(console::quit);
        live.close();
    }

    @Test
    void settingsRefuseABadSpeedAndApplyTheThemeAndTheSpeed() throws Exception {
        SettingsDialog d = Fx.on(() -> w.actions().settings());
        Button ok = Fx.on(() -> (Button) d.dialog().getDialogPane().lookupButton(ButtonType.OK));
        assertThat(Fx.on(() -> d.speedField().getText())).isEqualTo("60");
        assertThat(Fx.on(() -> d.binanceButton().isDisabled())).as("Binance comes in a later version").isTrue();
        Fx.run(() -> d.speedField().setText("0.5"));
        assertThat(Fx.on(ok::isDisabled)).isTrue();
        assertThat(Fx.on(() -> d.dialog().getDialogPane().lookupAll(".field-message").stream()
                .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList()))
                .containsExactly("speed must be a number from 1 (real time) to 100000, or max; got '0.5'");
        Fx.run(() -> d.speedField().setText("120"));
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-settings"));
        Fx.run(() -> {
            d.dialog().getDialogPane().lookupAll(".radio-button").stream()
                    .filter(n -> ((javafx.scene.control.RadioButton) n).getText().equals("Dark"))
                    .forEach(n -> ((javafx.scene.control.RadioButton) n).setSelected(true));
            ok.fire();
        });
        Fx.await("the badge shows the new speed", () -> live.engine.snapshot().mode().equals("SANDBOX x120"));
        assertThat(Fx.on(() -> w.scene().getRoot().getStyleClass())).contains("theme-dark");
        assertThat(Files.readString(dir.resolve(Prefs.FILE_NAME))).contains("theme=DARK");
    }

    @Test
    void everyShortcutIsListedInTheHelpDialogAndOnAMenu() throws Exception {
        Dialog<ButtonType> help = Fx.on(() -> w.actions().shortcuts());
        var texts = Fx.on(() -> help.getDialogPane().lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList());
        for (Shortcut s : Shortcut.all()) assertThat(texts).contains(s.display(), s.description());
        Fx.on(() -> Screenshots.save(help, "dialog-shortcuts"));
        var accelerators = Fx.on(() -> ((javafx.scene.layout.VBox) ((javafx.scene.layout.BorderPane) w.scene().getRoot()).getTop())
                .getChildren().stream().filter(n -> n instanceof javafx.scene.control.MenuBar)
                .flatMap(n -> ((javafx.scene.control.MenuBar) n).getMenus().stream())
                .flatMap(m -> m.getItems().stream()).map(javafx.scene.control.MenuItem::getAccelerator)
                .filter(java.util.Objects::nonNull).toList());
        assertThat(accelerators).containsExactlyInAnyOrderElementsOf(Shortcut.all().stream().map(Shortcut::keys).toList());
    }

    @Test
    void closingTheWindowQuitsWhereThereIsNoTrayAndTheWindowIsRemembered() throws Exception {
        boolean[] quit = {false};
        Console other = Fx.on(() -> {
            Console c = new Console(live.engine, dir.resolve("other.properties"), false, () -> quit[0] = true);
            c.prefs().closeAction().set(Prefs.CloseAction.TRAY);
            c.window().stage().setX(40);
            c.window().stage().setY(30);
            c.window().stage().setWidth(1300);
            c.window().stage().setHeight(850);
            c.show();
            return c;
        });
        assertThat(other.hasTray()).isFalse();
        Fx.run(other::closeWindow);
        assertThat(quit[0]).as("without a tray, closing the window quits").isTrue();
        Prefs remembered = Prefs.load(dir.resolve("other.properties"));
        assertThat(remembered.window().width()).isEqualTo(1300);
        assertThat(remembered.window().height()).isEqualTo(850);
    }
}
