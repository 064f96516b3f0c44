package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.PluginView;
import dev.flotilla.engine.api.PluginView.Status;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.screen.plugins.PluginApprovalDialog;
import dev.flotilla.ui.screen.plugins.PluginDialogs;
import dev.flotilla.ui.screen.plugins.PluginsDialog;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plug-in approval dialog and the Plug-ins list, on a fake plug-in folder and on a real engine's. */
class PluginDialogsTest {

    static final String JAR = "flotilla-example-plugin.jar";
    static final String SHA = "9f2c4e61b0a8d37e5c1f9a02b64d8e7c3a5f1b09d2e6c48a7b3f05e19c2d6a84";
    static final String OTHER_SHA = "0b7e3d95a1c4f2860e9d7b3a5c1f8e2d4b6a09c3e5f7d1b2a4c6e8f0a2b4c6d8";

    @TempDir
    Path dir;

    final FakePlugins api = new FakePlugins().with(new PluginView(JAR, SHA, Status.AWAITING_APPROVAL, List.of(),
            "waits for approval of its SHA-256"));
    PluginDialogs dialogs;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
        Fx.run(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void closeDialogs() throws Exception {
        if (dialogs != null) Fx.run(() -> {
            dialogs.showing().forEach(PluginApprovalDialog::close);
            Window.getWindows().stream().filter(w -> w.isShowing()).toList().forEach(Window::hide);
        });
    }

    private PluginApprovalDialog openAtStart() throws Exception {
        dialogs = new PluginDialogs(api, Loader.DIRECT, () -> null);
        return Fx.on(() -> {
            dialogs.askAtStart();
            return dialogs.showing().getFirst();
        });
    }

    private static Pulse pulse(EngineEvent... events) {
        return new Pulse(Snapshots.fleet(0), List.of(events), 0, 0, 0);
    }

    private static SystemEvent.PluginChanged changed(String sha, Status status, String detail) {
        return new SystemEvent.PluginChanged(1, JAR, sha, status.name(), detail);
    }

    @Test
    void theDialogShowsTheJarsNameAndSha256AndLoadingApprovesExactlyThat() throws Exception {
        PluginApprovalDialog d = openAtStart();
        assertThat(Fx.on(() -> d.dialog().getTitle())).isEqualTo("Load plug-in?");
        assertThat(Fx.on(() -> d.dialog().getHeaderText())).contains(JAR);
        assertThat(Fx.on(() -> d.shaField().getText())).isEqualTo(SHA);
        assertThat(Fx.on(() -> !d.shaField().isEditable() && d.shaField().getStyleClass().contains("sha256"))).isTrue();
        assertThat(Fx.on(() -> d.shaField().getFont().getFamily().toLowerCase())).contains("mono");
        String text = Fx.on(() -> ((javafx.scene.Parent) d.dialog().getDialogPane().getContent()).getChildrenUnmodifiable()
                .stream().flatMap(n -> n instanceof javafx.scene.layout.VBox v ? v.getChildren().stream() : java.util.stream.Stream.of(n))
                .filter(n -> n instanceof javafx.scene.control.Label).map(n -> ((javafx.scene.control.Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b));
        assertThat(text).contains(JAR, FakePlugins.FOLDER, "with the app's rights", "never fetches plug-ins from the network");
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-plugin-approval"));

        Fx.run(() -> d.button(PluginApprovalDialog.LOAD).fire());
        assertThat(api.approved).containsExactly(JAR + " " + SHA);
        assertThat(api.refused).isEmpty();
        assertThat(Fx.on(() -> d.dialog().isShowing())).as("closed once loaded").isFalse();
        assertThat(Fx.on(() -> dialogs.showing())).isEmpty();
    }

    @Test
    void dontLoadRefusesTheJar() throws Exception {
        PluginApprovalDialog d = openAtStart();
        Fx.run(() -> d.button(PluginApprovalDialog.DONT_LOAD).fire());
        assertThat(api.refused).containsExactly(JAR + " " + SHA);
        assertThat(api.approved).isEmpty();
        assertThat(Fx.on(() -> d.dialog().isShowing())).isFalse();
    }

    @Test
    void aRefusalOfTheEngineIsShownInTheDialogWhichStaysOpen() throws Exception {
        api.refusal = new IllegalStateException(JAR + " changed since it was shown (its SHA-256 is now " + OTHER_SHA
                + "); nothing was approved");
        PluginApprovalDialog d = openAtStart();
        Fx.run(() -> d.button(PluginApprovalDialog.LOAD).fire());
        assertThat(Fx.on(() -> d.message().getText())).isEqualTo("Not loaded: " + api.refusal.getMessage());
        assertThat(Fx.on(() -> d.message().isVisible() && d.message().getStyleClass().contains("danger"))).isTrue();
        assertThat(Fx.on(() -> d.dialog().isShowing())).isTrue();
        assertThat(Fx.on(() -> d.button(PluginApprovalDialog.DONT_LOAD).isDisabled())).isFalse();
        Fx.on(() -> Screenshots.save(d.dialog(), "dialog-plugin-approval-failed"));
    }

    @Test
    void oneDialogPerJarAndSha256AndNoneOnceTheJarIsAnsweredElsewhere() throws Exception {
        PluginApprovalDialog first = openAtStart();
        Fx.run(() -> dialogs.onPulse(pulse(changed(SHA, Status.AWAITING_APPROVAL, "waits for approval"))));
        assertThat(Fx.on(() -> dialogs.showing())).containsExactly(first);
        Fx.run(() -> dialogs.askAtStart());
        assertThat(Fx.on(() -> dialogs.showing())).containsExactly(first);

        // a new version copied over it: the old question is void, the new one is asked
        Fx.run(() -> dialogs.onPulse(pulse(changed(OTHER_SHA, Status.AWAITING_APPROVAL, "waits for approval"))));
        assertThat(Fx.on(() -> first.dialog().isShowing())).isFalse();
        PluginApprovalDialog second = Fx.on(() -> dialogs.showing().getFirst());
        assertThat(Fx.on(() -> dialogs.showing())).hasSize(1);
        assertThat(second.model().sha256()).isEqualTo(OTHER_SHA);

        // approved beside the jar (NAME.jar.sha256) and loaded: nothing left to ask
        Fx.run(() -> dialogs.onPulse(pulse(changed(OTHER_SHA, Status.LOADED, "loaded: sma-cross"))));
        assertThat(Fx.on(() -> dialogs.showing())).isEmpty();
        Fx.run(() -> dialogs.onPulse(pulse(changed(OTHER_SHA, Status.AWAITING_APPROVAL, "waits for approval"))));
        assertThat(Fx.on(() -> dialogs.showing())).as("asked once a session").isEmpty();
        assertThat(api.approved).isEmpty();
        assertThat(api.refused).isEmpty();
    }

    @Test
    void thePluginsDialogListsEveryJarAndApprovesOrRefusesTheSelectedWaitingOne() throws Exception {
        api.views.clear();
        api.with(new PluginView("breakout-pack.jar", "4d1e0c7a9b3f62e85a0d4c1b7e9f3a26c8d05b1e7a4f9c3d2b6e08a1f5c7d9e3",
                        Status.FAILED, List.of(), "breakout-pack.jar has no META-INF/services/dev.flotilla.strategy.StrategyType: "
                        + "it is not a strategy plug-in"))
                .with(new PluginView(JAR, SHA, Status.LOADED, List.of("sma-cross"), "loaded"))
                .with(new PluginView("mean-revert.jar", OTHER_SHA, Status.AWAITING_APPROVAL, List.of(), "waits for approval of its SHA-256"));
        dialogs = new PluginDialogs(api, Loader.DIRECT, () -> null);
        PluginsDialog list = Fx.on(() -> dialogs.list());
        assertThat(Fx.on(() -> list.table().getItems().stream().map(v -> v.file() + " " + v.status()).toList()))
                .containsExactly("breakout-pack.jar FAILED", JAR + " LOADED", "mean-revert.jar AWAITING_APPROVAL");
        assertThat(Fx.on(() -> list.approveButton().isDisabled() && list.refuseButton().isDisabled())).isTrue();

        Fx.run(() -> list.table().getSelectionModel().select(0));
        Label detail = Fx.on(() -> (Label) list.dialog().getDialogPane().lookup("#plugins-detail"));
        assertThat(Fx.on(detail::getText)).contains("it is not a strategy plug-in");
        assertThat(Fx.on(() -> ((Label) list.dialog().getDialogPane().lookup("#plugins-folder")).getText()))
                .contains(FakePlugins.FOLDER, "never fetched from the network");
        Fx.run(() -> list.table().getSelectionModel().select(2));
        assertThat(Fx.on(() -> list.approveButton().isDisabled() || list.refuseButton().isDisabled())).isFalse();
        Fx.on(() -> Screenshots.save(list.dialog(), "dialog-plugins"));

        Fx.run(() -> list.approveButton().fire());
        PluginApprovalDialog ask = Fx.on(() -> dialogs.showing().getFirst());
        assertThat(ask.model().file()).isEqualTo("mean-revert.jar");
        assertThat(ask.model().sha256()).isEqualTo(OTHER_SHA);
        Fx.run(ask::close);

        Fx.run(() -> list.refuseButton().fire());
        assertThat(api.refused).containsExactly("mean-revert.jar " + OTHER_SHA);
        assertThat(Fx.on(() -> list.table().getItems().get(2).status())).isEqualTo(Status.REFUSED);
        assertThat(Fx.on(() -> list.model().selected().get().file())).as("the selection stays on the jar").isEqualTo("mean-revert.jar");
        assertThat(Fx.on(() -> list.approveButton().isDisabled())).as("a refused jar can still be approved").isFalse();
    }

    @Test
    void onARealEngineTheConsoleAsksAtStartAndLoadsTheExamplePlugin() throws Exception {
        Path example = dev.flotilla.engine.plugin.PluginJars.example();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(example, plugins.resolve(JAR));
        LiveEngine engine = new LiveEngine(dir, 60);
        engine.engine.plugins().open(plugins);
        engine.start();
        Console console = Fx.on(() -> {
            Console c = new Console(engine.engine, null, null, dir.resolve("console.properties"), false, () -> { });
            c.show();
            return c;
        });
        try {
            MenuItem item = Fx.on(() -> ((MenuBar) ((VBox) ((BorderPane) console.window().scene().getRoot()).getTop())
                    .getChildren().getFirst()).getMenus().getFirst().getItems().stream()
                    .filter(i -> "Plug-ins…".equals(i.getText())).findFirst().orElseThrow());
            assertThat(item.getParentMenu().getText()).isEqualTo("_File");
            dialogs = console.window().actions().pluginDialogs();
            Fx.await("the question at start", () -> dialogs.showing().size() == 1);
            PluginApprovalDialog d = Fx.on(() -> dialogs.showing().getFirst());
            String sha = engine.engine.plugins().plugins().getFirst().sha256();
            assertThat(Fx.on(() -> d.shaField().getText())).isEqualTo(sha).hasSize(64);
            Fx.run(() -> d.button(PluginApprovalDialog.LOAD).fire());
            Fx.await("loaded", () -> !d.dialog().isShowing());
            assertThat(engine.engine.plugins().plugins().getFirst().status()).isEqualTo(Status.LOADED);
            assertThat(engine.engine.plugins().plugins().getFirst().strategies()).containsExactly("sma-cross");
            Fx.await("the event log", () -> console.window().eventLog().shown().stream()
                    .anyMatch(e -> e.text().equals("plug-in " + JAR + " loaded: sma-cross")));
            PluginsDialog list = Fx.on(() -> console.window().actions().plugins());
            assertThat(Fx.on(() -> list.table().getItems())).extracting(PluginView::status).containsExactly(Status.LOADED);
        } finally {
            Fx.run(console::quit);
            engine.close();
        }
    }
}
