package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.TelegramApi;
import dev.flotilla.engine.api.TelegramApi.Config;
import dev.flotilla.engine.api.TelegramApi.Kind;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.screen.telegram.TelegramDialog;
import dev.flotilla.ui.screen.telegram.TelegramModel;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Telegram… on a fake TelegramApi: the kept settings shown, a test message, save, forget. */
class TelegramDialogTest {

    static final String TOKEN = "7654321:AAHsecretTelegramTokenValue_0123";

    /** Remembers what the dialog asked of it. */
    static final class FakeTelegram implements TelegramApi {
        volatile Config config = new Config(List.of(123456789L), EnumSet.complementOf(EnumSet.of(Kind.FILLS)));
        volatile String token;
        final List<String> tested = new CopyOnWriteArrayList<>();

        public Config config() { return config; }
        public void setConfig(Config c) { config = c; }
        public void setToken(String t) { token = t; }
        public void forgetToken() { token = null; }

        public TestResult sendTest(String t, List<Long> chatIds) {
            tested.add(t == null ? "kept" : t);
            return TOKEN.equals(t == null ? token : t) ? new TestResult(true, "Sent to " + chatIds.size() + " chat(s) as @FlotillaBot.")
                    : new TestResult(false, "getMe: HTTP 401 Unauthorized");
        }

        public Status status() {
            return new Status(token != null, token == null ? null : "Secret Service (GNOME Keyring)", null, 12, 0, 3);
        }
    }

    @TempDir
    Path dir;
    final FakeTelegram api = new FakeTelegram();
    TelegramDialog d;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
        Fx.run(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void closeDialog() throws Exception {
        if (d != null) Fx.run(() -> d.dialog().close());
    }

    private void open() throws Exception {
        d = Fx.on(() -> {
            TelegramDialog t = new TelegramDialog(new TelegramModel(api, Loader.threadPerCall("test-telegram")), null);
            t.dialog().show();
            return t;
        });
    }

    @Test
    void showsTheSettingsTestsTheTokenAndSavesIt() throws Exception {
        open();
        Fx.await("the settings are read", () -> d.chatsField().getText().equals("123456789"));
        assertThat(Fx.on(() -> d.kindBox(Kind.FILLS).isSelected())).isFalse();
        assertThat(Fx.on(() -> d.kindBox(Kind.DAILY_SUMMARY).isSelected())).isTrue();
        assertThat(d.tokenField()).isInstanceOf(PasswordField.class);
        assertThat(Fx.on(() -> d.status().getText())).startsWith("No token is kept. The bot is off");

        Fx.run(() -> d.tokenField().setText("1:wrong"));
        Fx.run(() -> d.testButton().fire());
        Fx.await("the refusal", () -> d.verdict().getText().contains("401"));

        Fx.run(() -> {
            d.tokenField().setText(TOKEN);
            d.chatsField().setText("123456789, -100200300");
            d.kindBox(Kind.FILLS).setSelected(true);
        });
        Fx.run(() -> d.testButton().fire());
        Fx.await("the test message", () -> d.verdict().getText().equals("Sent to 2 chat(s) as @FlotillaBot."));
        assertThat(api.tested).containsExactly("1:wrong", TOKEN);
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-telegram"));

        Fx.run(() -> d.button(TelegramDialog.SAVE).fire());
        Fx.await("saved", () -> d.verdict().getText().startsWith("Saved."));
        assertThat(api.token).isEqualTo(TOKEN);
        assertThat(api.config.chatIds()).containsExactly(123456789L, -100200300L);
        assertThat(api.config.kinds()).contains(Kind.FILLS);
        assertThat(Fx.on(() -> d.tokenField().getText())).as("the token is not kept in the dialog").isEmpty();
        assertThat(Fx.on(() -> d.status().getText())).contains("Token kept in the Secret Service (GNOME Keyring)")
                .contains("12 sent, 0 failed, 3 dropped").doesNotContain(TOKEN);

        Fx.run(() -> d.button(TelegramDialog.FORGET).fire());
        Fx.await("forgotten", () -> d.verdict().getText().startsWith("The token is forgotten"));
        assertThat(api.token).isNull();
    }

    @Test
    void aBadChatIdIsSaidAndNothingIsSaved() throws Exception {
        open();
        Fx.await("the settings are read", () -> d.chatsField().getText().equals("123456789"));
        Fx.run(() -> d.chatsField().setText("12, me"));
        Fx.run(() -> d.button(TelegramDialog.SAVE).fire());
        Fx.await("the refusal", () -> d.verdict().getText().contains("\u201cme\u201d is not a number"));
        assertThat(api.config.chatIds()).containsExactly(123456789L);
    }

    @Test
    void theFileMenuOpensItOnTheConsolesBot() throws Exception {
        LiveEngine engine = new LiveEngine(dir, 60).start();
        Console console = Fx.on(() -> {
            Console c = new Console(engine.engine, dir.resolve("console.properties"), false, () -> { }).telegram(api);
            c.show();
            return c;
        });
        try {
            MenuItem item = Fx.on(() -> ((MenuBar) ((VBox) ((BorderPane) console.window().scene().getRoot()).getTop())
                    .getChildren().getFirst()).getMenus().getFirst().getItems().stream()
                    .filter(i -> "Telegram…".equals(i.getText())).findFirst().orElseThrow());
            assertThat(item.getParentMenu().getText()).isEqualTo("_File");
            d = Fx.on(() -> console.window().actions().telegram());
            Fx.await("the console's bot answers", () -> d.chatsField().getText().equals("123456789"));
        } finally {
            Fx.run(console::quit);
            engine.close();
        }
    }
}
