package dev.flotilla.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefsTest {

    @TempDir
    Path dir;

    @Test
    void settingsAndTheWindowAreRememberedBetweenRuns() {
        Path file = dir.resolve(Prefs.FILE_NAME);
        Prefs p = Prefs.load(file);
        assertThat(p.theme().get()).isEqualTo(Prefs.Theme.SYSTEM);
        assertThat(p.closeAction().get()).isEqualTo(Prefs.CloseAction.QUIT);
        p.theme().set(Prefs.Theme.LIGHT);
        p.notifyFills().set(false);
        p.closeAction().set(Prefs.CloseAction.TRAY);
        p.window(new WindowBounds(10, 20, 1400, 900, false));
        Prefs again = Prefs.load(file);
        assertThat(again.theme().get()).isEqualTo(Prefs.Theme.LIGHT);
        assertThat(again.notifyFills().get()).isFalse();
        assertThat(again.notifyAlerts().get()).isTrue();
        assertThat(again.closeAction().get()).isEqualTo(Prefs.CloseAction.TRAY);
        assertThat(again.window()).isEqualTo(new WindowBounds(10, 20, 1400, 900, false));
    }

    @Test
    void aDamagedFileMeansDefaults() throws Exception {
        Path file = dir.resolve(Prefs.FILE_NAME);
        Files.writeString(file, "theme=PURPLE\nwindow=1,2,x\nclose=\n");
        Prefs p = Prefs.load(file);
        assertThat(p.theme().get()).isEqualTo(Prefs.Theme.SYSTEM);
        assertThat(p.window()).isNull();
        assertThat(p.closeAction().get()).isEqualTo(Prefs.CloseAction.QUIT);
    }
}
