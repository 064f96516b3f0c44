package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.screen.export.ExportDialog;
import dev.flotilla.ui.screen.export.ExportModel;
import dev.flotilla.ui.screen.performance.PerformanceModel;
import dev.flotilla.ui.screen.performance.PerformanceView;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The window's reports: the Performance screen (a tab of its screens, built when first shown and read again while it
 * is in view) and File > Export….
 */
final class ReportScreens {

    private final ReportsApi reports;
    private final Loader loader;
    private final Supplier<Window> owner;
    private final TabPane screens;
    private final Tab tab = new Tab("Performance");
    private final StackPane holder = new StackPane(new Label("Loading…"));
    private final PerformanceModel model;
    private PerformanceView view;

    ReportScreens(ReportsApi reports, Loader loader, TabPane screens, Supplier<Window> owner) {
        this.reports = reports;
        this.loader = loader;
        this.screens = screens;
        this.owner = owner;
        this.model = new PerformanceModel(reports, loader);
        tab.setContent(holder);
        screens.getTabs().add(tab);
        screens.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == tab) view();
            model.shown().set(b == tab);
        });
    }

    /** The Performance screen, built on first use. */
    PerformanceView view() {
        if (view == null) {
            view = new PerformanceView(model);
            holder.getChildren().setAll(view);
        }
        return view;
    }

    void show() {
        screens.getSelectionModel().select(tab);
    }

    /** FX thread. */
    void onPulse(Pulse p) {
        model.onPulse(p);
    }

    ExportDialog exportDialog() {
        ExportDialog d = new ExportDialog(new ExportModel(reports, loader), owner.get());
        d.dialog().show();
        return d;
    }
}
