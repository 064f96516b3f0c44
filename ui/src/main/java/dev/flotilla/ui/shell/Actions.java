package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.LiveApi;
import dev.flotilla.ui.screen.telegram.TelegramDialog;
import dev.flotilla.ui.screen.telegram.TelegramModel;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.botform.BotDialog;
import dev.flotilla.ui.screen.botform.BotFormModel;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.fleet.BotActions;
import dev.flotilla.ui.screen.fleetfile.FleetImportDialog;
import dev.flotilla.ui.screen.keys.KeysDialog;
import dev.flotilla.ui.screen.keys.KeysModel;
import dev.flotilla.ui.screen.params.ParamHistoryDialog;
import dev.flotilla.ui.screen.params.ParamHistoryModel;
import dev.flotilla.ui.screen.plugins.PluginDialogs;
import dev.flotilla.ui.screen.plugins.PluginsDialog;
import dev.flotilla.ui.screen.settings.SettingsDialog;
import dev.flotilla.ui.screen.settings.SettingsModel;
import dev.flotilla.ui.screen.startstop.StartStopDialog;
import dev.flotilla.ui.screen.startstop.StartStopModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * What the menus, the shortcuts and the fleet table's context menu do. Dialogs are shown without blocking
 * and returned, so a test can fill them in as a person would.
 */
public final class Actions implements BotActions {

    private final EngineApi engine;
    private final Prefs prefs;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> selection;
    private final Consumer<String> chart;
    private final boolean tray;
    private final RiskActions risk;
    private final PositionActions positions;
    private final FleetFileActions fleetFile;
    private final LiveApi live;
    private final Loader keysLoader = Loader.threadPerCall("console-keys");
    private ParamHistoryDialog lastParamHistory;
    private final PluginDialogs plugins;
    private dev.flotilla.engine.api.TelegramApi telegram;

    Actions(EngineApi engine, Prefs prefs, Supplier<Window> owner, Supplier<List<String>> selection, Consumer<String> chart,
            boolean tray) {
        this(engine, null, prefs, owner, selection, chart, tray);
    }

    /** @param live live trading's keys and account, or null where the console has no live trading */
    Actions(EngineApi engine, LiveApi live, Prefs prefs, Supplier<Window> owner, Supplier<List<String>> selection,
            Consumer<String> chart, boolean tray) {
        this.engine = engine;
        this.live = live;
        this.prefs = prefs;
        this.owner = owner;
        this.selection = selection;
        this.chart = chart;
        this.tray = tray;
        this.risk = new RiskActions(engine, owner, selection);
        this.positions = new PositionActions(engine, owner, selection);
        this.fleetFile = new FleetFileActions(engine, owner);
        this.plugins = new PluginDialogs(engine.plugins(), Loader.threadPerCall("console-plugins"), owner);
    }

    /** The plug-in approval dialogs and the Plug-ins list. */
    public PluginDialogs pluginDialogs() {
        return plugins;
    }

    /** File › Plug-ins…: every jar in the plug-in folder. */
    public PluginsDialog plugins() {
        return plugins.list();
    }

    /** The risk controls: kill switch, limits, breaker resets, reconciliation. */
    public RiskActions risk() {
        return risk;
    }

    /** Closing positions by hand, after a confirmation. */
    public PositionActions positions() {
        return positions;
    }

    @Override
    public void closePositions(List<String> botIds) {
        positions.closeBots(botIds);
    }

    @Override
    public void closeSymbolOf(String botId) {
        positions.closeSymbolOf(botId);
    }

    @Override
    public void limits(String botId) {
        risk.limits(botId);
    }

    @Override
    public void resetBreaker(String botId) {
        risk.resetBreaker(botId);
    }

    public BotDialog newBot() {
        BotDialog d = new BotDialog(BotFormModel.create(engine.bots()), owner.get());
        d.dialog().show();
        return d;
    }

    public BotDialog editSelected() {
        List<String> ids = selection.get();
        return ids.size() == 1 ? editBot(ids.getFirst()) : null;
    }

    public BotDialog editBot(String botId) {
        BotDialog d = new BotDialog(BotFormModel.edit(engine.bots(), botId), owner.get());
        d.dialog().show();
        return d;
    }

    @Override
    public void edit(String botId) {
        editBot(botId);
    }

    @Override
    public void paramHistory(String botId) {
        paramHistoryOf(botId);
    }

    /** The parameter history of a bot: its changes, newest first, and Undo. */
    public ParamHistoryDialog paramHistoryOf(String botId) {
        ParamHistoryDialog d = new ParamHistoryDialog(new ParamHistoryModel(engine.params(), botId), owner.get());
        d.dialog().show();
        lastParamHistory = d;
        return d;
    }

    public ParamHistoryDialog paramHistoryOfSelected() {
        List<String> ids = selection.get();
        return ids.size() == 1 ? paramHistoryOf(ids.getFirst()) : null;
    }

    /** The parameter history dialog opened last (the fleet table's menu does not hand it back). */
    public ParamHistoryDialog lastParamHistory() {
        return lastParamHistory;
    }

    public StartStopDialog startStop(StartStopModel.Action action) {
        StartStopModel m = new StartStopModel(engine::snapshot, selection.get(), action);
        StartStopDialog d = new StartStopDialog(m, owner.get(), ids -> apply(ids, m.action().get() == StartStopModel.Action.START));
        d.dialog().show();
        return d;
    }

    public SettingsDialog settings() {
        SettingsDialog d = new SettingsDialog(new SettingsModel(engine, prefs, tray), owner.get());
        d.dialog().show();
        return d;
    }

    /** The Binance keys dialog; without live trading it says that keys are not available in this mode. */
    public KeysDialog keys() {
        KeysDialog d = new KeysDialog(new KeysModel(live, keysLoader), owner.get());
        d.dialog().show();
        return d;
    }

    void telegram(dev.flotilla.engine.api.TelegramApi t) { this.telegram = t; }

    /** The Telegram bot's dialog: token, chats, which events, a test message. */
    public TelegramDialog telegram() {
        TelegramDialog d = new TelegramDialog(new TelegramModel(telegram, keysLoader), owner.get());
        d.dialog().show();
        return d;
    }

    /** File > Import fleet file…: a file chosen, then what it would change, before anything does. */
    public void importFleet() {
        fleetFile.choose();
    }

    /** The plan of a fleet file shown in a dialog whose OK applies it (see {@link FleetFileActions#open}). */
    public CompletableFuture<FleetImportDialog> importFleet(Path file) {
        return fleetFile.open(file);
    }

    public Dialog<ButtonType> shortcuts() {
        Dialog<ButtonType> d = ShortcutsDialog.create(owner.get());
        d.show();
        return d;
    }

    public void startSelected() {
        start(selection.get());
    }

    public void stopSelected() {
        stop(selection.get());
    }

    @Override
    public void start(List<String> botIds) {
        apply(botIds, true);
    }

    @Override
    public void stop(List<String> botIds) {
        apply(botIds, false);
    }

    private void apply(List<String> botIds, boolean start) {
        try {
            for (String id : botIds) {
                if (start) engine.startBot(id);
                else engine.stopBot(id);
            }
        } catch (IllegalArgumentException e) {
            error("The bots could not be " + (start ? "started" : "stopped"), e.getMessage());
        }
    }

    @Override
    public void showChart(String botId) {
        chart.accept(botId);
    }

    @Override
    public void remove(String botId) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Remove " + botId + " from the fleet? Its orders, trades "
                + "and equity stay in the history, and its id is not given to another bot.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(owner.get());
        confirm.setTitle("Remove bot");
        confirm.setHeaderText("Remove " + botId);
        Forms.style(confirm);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> engine.bots().remove(botId)
                .whenComplete((r, e) -> {
                    if (e != null) Platform.runLater(() -> error("The bot was not removed", reason(e)));
                }));
    }

    private static String reason(Throwable e) {
        Throwable t = Forms.cause(e);
        return t instanceof BotRejectedException r ? String.join("; ", r.check().problems().values()) : t.getMessage();
    }

    private void error(String header, String text) {
        Forms.alert(owner.get(), Alert.AlertType.ERROR, header, text);
    }
}
