package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.screen.keys.KeysDialog;
import dev.flotilla.ui.screen.keys.KeysModel;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Binance keys dialog on a fake LiveApi: test, refusal of withdrawal keys, save, forget. */
class KeysDialogTest {

    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String WITHDRAW_KEY = "Wd9kR2mXq8LfT4vB7nYc3HsJ6pZa1GuE5oKiV0wQyNtMbCxDlSrA2eFgPhU8jI7z";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String PEM_BODY = "MC4CAQAwBQYDK2VwBCIEIJ3v9Bf5n3Ykc3n1k3qV9n2Qp2GJ0m1nJ1y0o9s8p7xQ";

    @TempDir
    Path dir;

    final FakeLive live = new FakeLive().answer(KEY, FakeLive.GOOD).answer(WITHDRAW_KEY, FakeLive.WITHDRAWS);
    KeysDialog d;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
        // the console's light theme, which a console sets when it opens (these dialogs open without one)
        Fx.run(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void closeDialog() throws Exception {
        if (live.gate != null) live.gate.countDown();
        if (d != null) Fx.run(() -> d.dialog().close());
    }

    private KeysDialog open(FakeLive api) throws Exception {
        d = Fx.on(() -> {
            KeysDialog k = new KeysDialog(new KeysModel(api, Loader.threadPerCall("test-keys")), null);
            k.dialog().show();
            return k;
        });
        return d;
    }

    private void enter(String key, String secret) throws Exception {
        Fx.run(() -> {
            d.apiKeyField().setText(key);
            d.secretField().setText(secret);
        });
    }

    private boolean disabled(ButtonType type) throws Exception {
        return Fx.on(() -> d.button(type).isDisabled());
    }

    @Test
    void aTestRunsOffTheFxThreadShowsProgressAndThenTheBalancesAndGoodKeysCanBeSaved() throws Exception {
        open(live);
        Fx.await("no keys are kept", () -> d.keptIn().getText().equals("No keys are kept."));
        assertThat(Fx.on(() -> d.testButton().isDisabled())).as("nothing entered yet").isTrue();
        assertThat(disabled(KeysDialog.SAVE)).isTrue();
        assertThat(disabled(KeysDialog.FORGET)).isTrue();

        enter(KEY, SECRET);
        live.gate = new CountDownLatch(1);
        Fx.run(() -> d.testButton().fire());
        assertThat(Fx.on(() -> d.progress().isVisible())).as("the progress indicator turns while the exchange answers").isTrue();
        assertThat(Fx.on(() -> d.testButton().isDisabled() && d.apiKeyField().isDisabled())).isTrue();
        assertThat(Fx.on(() -> d.verdict().getText())).isEqualTo("Asking Binance about these keys…");
        assertThat(disabled(KeysDialog.SAVE)).isTrue();
        live.gate.countDown();
        Fx.await("the verdict", () -> d.verdict().getText().equals("The keys work: they can trade and cannot withdraw."));
        assertThat(live.checkedOnFxThread).isFalse();
        assertThat(live.lastSecret).isEqualTo(SECRET);
        assertThat(Fx.on(() -> d.progress().isVisible())).isFalse();
        assertThat(Fx.on(() -> d.details().getText())).isEqualTo("Balances: USDT 1,250.00 · BTC 0.01500000 · BNB 0.4200");
        assertThat(disabled(KeysDialog.SAVE)).as("save after a good test").isFalse();
        Fx.on(() -> Screenshots.save(d.dialog(), "keys-dialog"));

        Fx.run(() -> d.button(KeysDialog.SAVE).fire());
        Fx.await("saved", () -> d.model().state().get() == KeysModel.State.SAVED
                && d.keptIn().getText().equals("Kept in the Secret Service (GNOME Keyring): key vmPU…Eh8A"));
        assertThat(live.saves).isEqualTo(1);
        assertThat(Fx.on(() -> d.dialog().isShowing())).as("the dialog stays open to show the outcome").isTrue();
        assertThat(Fx.on(() -> d.secretField().getText())).as("the secret is not kept in the dialog").isEmpty();
        assertThat(disabled(KeysDialog.SAVE)).isTrue();
        assertThat(disabled(KeysDialog.FORGET)).isFalse();
        Fx.on(() -> Screenshots.save(d.dialog(), "keys-dialog-saved"));
    }

    @Test
    void keysThatCanWithdrawAreRefusedWithTheReasonAndCannotBeSaved() throws Exception {
        open(live);
        enter(WITHDRAW_KEY, SECRET);
        Fx.run(() -> d.testButton().fire());
        Fx.await("the refusal", () -> d.verdict().getText().equals("Refused: these keys can withdraw funds."));
        assertThat(Fx.on(() -> d.details().getText())).startsWith("Flotilla never keeps keys that can withdraw.")
                .contains("untick \u201cEnable Withdrawals\u201d");
        assertThat(Fx.on(() -> d.verdict().getStyleClass())).contains("danger");
        assertThat(disabled(KeysDialog.SAVE)).isTrue();
        Fx.run(() -> d.model().save());
        assertThat(live.saves).isZero();
        Fx.on(() -> Screenshots.save(d.dialog(), "keys-dialog-refused"));
    }

    @Test
    void saveIsEnabledOnlyAfterAGoodTestAndNotOnceTheKeysAreEdited() throws Exception {
        open(live);
        enter("not-a-real-key-at-all", SECRET);
        Fx.run(() -> d.testButton().fire());
        Fx.await("the failure", () -> d.verdict().getText().equals("The keys do not work."));
        assertThat(Fx.on(() -> d.details().getText())).isEqualTo("Invalid API-key, IP, or permissions for action. (-2015)");
        assertThat(disabled(KeysDialog.SAVE)).isTrue();

        enter(KEY, SECRET);
        assertThat(Fx.on(() -> d.verdict().getText())).as("an edit clears the old verdict").isEmpty();
        Fx.run(() -> d.testButton().fire());
        Fx.await("good keys", () -> d.model().state().get() == KeysModel.State.GOOD);
        assertThat(disabled(KeysDialog.SAVE)).isFalse();
        Fx.run(() -> d.secretField().setText(SECRET + "x"));
        assertThat(disabled(KeysDialog.SAVE)).as("the test was of other keys").isTrue();
    }

    @Test
    void forgetRemovesTheKeptKeys() throws Exception {
        live.keptIn = "macOS Keychain";
        live.masked = "vmPU…Eh8A";
        open(live);
        Fx.await("the kept keys", () -> d.keptIn().getText().equals("Kept in the macOS Keychain: key vmPU…Eh8A"));
        assertThat(disabled(KeysDialog.FORGET)).isFalse();
        Fx.run(() -> d.button(KeysDialog.FORGET).fire());
        Fx.await("forgotten", () -> d.keptIn().getText().equals("No keys are kept."));
        assertThat(live.keptIn).isNull();
        assertThat(Fx.on(() -> d.verdict().getText())).isEqualTo("The keys are forgotten.");
        assertThat(disabled(KeysDialog.FORGET)).isTrue();
    }

    @Test
    void aPemPastedIntoTheOneLineFieldOrLoadedFromItsFileReachesTheApiWithItsLineBreaks() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "\n-----END PRIVATE KEY-----";
        open(live);
        enter(KEY, pem);
        assertThat(Fx.on(() -> d.secretField().getText())).as("the field drops line breaks").doesNotContain("\n");
        Fx.run(() -> d.testButton().fire());
        Fx.await("good keys", () -> d.model().state().get() == KeysModel.State.GOOD);
        assertThat(live.lastSecret).isEqualTo(pem);

        Path file = Files.writeString(dir.resolve("binance-ed25519.pem"), pem + "\n");
        Fx.run(() -> {
            d.secretField().clear();
            d.model().loadKeyFile(file);
        });
        assertThat(Fx.on(() -> d.model().secretSource().get())).isEqualTo("from binance-ed25519.pem");
        Fx.run(() -> d.testButton().fire());
        Fx.await("good keys", () -> d.model().state().get() == KeysModel.State.GOOD);
        assertThat(live.lastSecret).isEqualTo(pem);
    }

    @Test
    void aFailureThatQuotesTheSecretIsShownWithoutIt() throws Exception {
        live.failure = new IllegalStateException("signature of " + SECRET + " rejected");
        open(live);
        enter(KEY, SECRET);
        Fx.run(() -> d.testButton().fire());
        Fx.await("the failure", () -> d.verdict().getText().equals("The test did not finish."));
        assertThat(Fx.on(() -> d.details().getText())).isEqualTo("signature of **** rejected");
    }

    @Test
    void withoutLiveTradingTheDialogSaysKeysAreNotAvailable() throws Exception {
        d = Fx.on(() -> {
            KeysDialog k = new KeysDialog(new KeysModel(null, Loader.DIRECT), null);
            k.dialog().show();
            return k;
        });
        assertThat(Fx.on(() -> d.keptIn().getText())).startsWith("Live trading keys are not available in this mode");
        assertThat(Fx.on(() -> d.apiKeyField().isDisabled() && d.testButton().isDisabled())).isTrue();
        assertThat(Fx.on(() -> d.button(KeysDialog.SAVE).isVisible())).isFalse();
        Fx.on(() -> Screenshots.save(d.dialog(), "keys-dialog-unavailable"));
    }

    @Test
    void theFileMenuOpensTheDialogOnTheConsolesLiveApi() throws Exception {
        live.keptIn = "macOS Keychain";
        live.masked = "vmPU…Eh8A";
        LiveEngine engine = new LiveEngine(dir, 60).start();
        Console console = Fx.on(() -> {
            Console c = new Console(engine.engine, null, live, dir.resolve("console.properties"), false, () -> { });
            c.show();
            return c;
        });
        try {
            MenuItem item = Fx.on(() -> ((MenuBar) ((VBox) ((BorderPane) console.window().scene().getRoot()).getTop())
                    .getChildren().getFirst()).getMenus().getFirst().getItems().stream()
                    .filter(i -> "Binance keys…".equals(i.getText())).findFirst().orElseThrow());
            assertThat(item.getParentMenu().getText()).isEqualTo("_File");
            d = Fx.on(() -> console.window().actions().keys());
            Fx.await("the console's LiveApi answers", () -> d.keptIn().getText().equals("Kept in the macOS Keychain: key vmPU…Eh8A"));
        } finally {
            Fx.run(console::quit);
            engine.close();
        }
    }
}
