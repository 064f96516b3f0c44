package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.LogTail;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.screen.history.HistoryView;
import dev.flotilla.ui.screen.logs.LogFileModel;
import dev.flotilla.ui.screen.logs.LogFileView;
import javafx.scene.control.Tab;

/**
 * The history's "Log file" tab, beside the event log: the log file's recent lines, following the file as it grows, with
 * the bot filter the other tabs share. Without a log ({@link LogTail#NONE}) it says there are no lines.
 */
public final class LogsTab {

    private final Tab tab = new Tab("Log file");
    private final HistoryView history;
    private final Loader loader;
    private LogFileModel model;
    private LogFileView view;

    LogsTab(HistoryView history, Loader loader) {
        this.history = history;
        this.loader = loader;
        history.tabs().getTabs().add(tab);
        history.botFilter().valueProperty().addListener((o, a, b) -> model.botId().set(bot()));
        use(LogTail.NONE);
    }

    /** Shows this log from now on. */
    public void use(LogTail tail) {
        model = new LogFileModel(tail, loader);
        model.botId().set(bot());
        view = new LogFileView(model);
        tab.setContent(view);
        model.read();
    }

    private String bot() {
        String b = history.botFilter().getValue();
        return b == null || b.equals(HistoryView.ALL) ? null : b;
    }

    void onPulse() {
        model.onPulse();
    }

    /** Brings the tab to the front (View > Log file). */
    public void show() {
        history.tabs().getSelectionModel().select(tab);
        view.table().requestFocus();
    }

    public Tab tab() { return tab; }
    public LogFileModel model() { return model; }
    public LogFileView view() { return view; }
}
