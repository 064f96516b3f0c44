package dev.flotilla.ui.screen.chart;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.ChartTimeframe;
import dev.flotilla.engine.model.Timeframe;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * What a trader works a candle chart with: ChartFX's zoomer (drag a box to zoom in time, the wheel to zoom, middle
 * or Shift+drag to pan), its axis editor on the time axis, the crosshair and the tooltip; the keys (+ and - zoom,
 * the arrows pan, Home or 0 back to the range); the timeframe and range pickers; a context menu; and "save as PNG".
 */
final class ChartTools {

    /** What one key press zooms by. */
    static final double ZOOM_STEP = 0.8;
    /** What one arrow key moves by, as a share of the width in view. */
    static final double PAN_STEP = 0.2;

    private final ChartWindow window;
    private final HBox bar = new HBox();
    private final ToggleGroup ranges = new ToggleGroup();
    /** The candle length asked for, once the timeframe picker is there (keys 1 to 4 pick it too). */
    private ObjectProperty<ChartTimeframe> asked;

    ChartTools(XYChart price, Region keys, ChartWindow window, ObjectProperty<ChartRange> range, ChartTooltip tooltip,
               PriceCrosshair crosshair, Runnable save) {
        this.window = window;
        Zoomer zoomer = new Zoomer(AxisMode.X, false);
        zoomer.setSliderVisible(false);
        zoomer.setAddButtonsToToolBar(false);
        zoomer.setPannerEnabled(true);
        // the right button opens the context menu (the zoomer would zoom out with it); the menu and the keys zoom out
        zoomer.setZoomOutMouseFilter(e -> false);
        zoomer.setZoomOriginMouseFilter(e -> false);
        zoomer.setPanMouseFilter(e -> e.isMiddleButtonDown() || e.isPrimaryButtonDown() && e.isShiftDown());
        EditAxis editAxis = new EditAxis(AxisMode.X, false);
        editAxis.setAddButtonsToToolBar(false);
        price.getPlugins().addAll(zoomer, editAxis, crosshair, tooltip);

        for (ChartRange r : ChartRange.values()) {
            ToggleButton b = new ToggleButton(r.label());
            b.setUserData(r);
            b.setId("chart-range-" + r.name().toLowerCase(java.util.Locale.ROOT));
            b.setTooltip(new Tooltip("Show " + r.description()));
            b.getStyleClass().addAll(Styles.SMALL, r.ordinal() == 0 ? Styles.LEFT_PILL
                    : r.ordinal() == ChartRange.values().length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setToggleGroup(ranges);
            b.setSelected(r == range.get());
            bar.getChildren().add(b);
        }
        ranges.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);  // one range is always chosen
            else range.set((ChartRange) b.getUserData());
        });
        range.addListener((o, a, b) -> {
            ranges.getToggles().forEach(t -> t.setSelected(t.getUserData() == b));
            window.range(b);
        });
        window.range(range.get());
        Button reset = button("Reset zoom", "Back to the chosen range, following new candles (Home or 0)", window::reset);
        Button png = button("Save PNG…", "Save the chart as a PNG image", save);
        png.setId("chart-save-png");
        bar.getChildren().addAll(reset, png);
        bar.getStyleClass().add("chart-tools");

        ContextMenu menu = new ContextMenu(item("Zoom in  (+)", () -> window.zoom(ZOOM_STEP)),
                item("Zoom out  (−)", () -> window.zoom(1 / ZOOM_STEP)), item("Reset zoom  (Home)", window::reset),
                new SeparatorMenuItem(), item("Save the chart as PNG…", save));
        price.setOnContextMenuRequested(e -> menu.show(price, e.getScreenX(), e.getScreenY()));

        // the keys work once the chart has the focus (a click on it gives it)
        price.setFocusTraversable(true);
        price.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> price.requestFocus());
        keys.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    HBox bar() {
        return bar;
    }

    /**
     * The timeframe picker, first in the bar: the candle length the chart shows, from the bot's own up to a day
     * (the bot's candles merged); a length the bot's candles do not fit is greyed out. What is pressed is what the
     * chart shows; a press asks {@code asked} for that length.
     */
    void timeframes(ObjectProperty<ChartTimeframe> asked, ObservableValue<BotChart> chart) {
        this.asked = asked;
        ToggleGroup group = new ToggleGroup();
        HBox pills = new HBox();
        ChartTimeframe[] all = ChartTimeframe.values();
        for (ChartTimeframe t : all) {
            ToggleButton b = new ToggleButton(t.label());
            b.setUserData(t);
            b.setId("chart-timeframe-" + t.label());
            b.setTooltip(new Tooltip(t.label() + " candles (a bot's shorter candles merged into them; key "
                    + (t.ordinal() + 1) + ")"));
            b.getStyleClass().addAll(Styles.SMALL, t.ordinal() == 0 ? Styles.LEFT_PILL
                    : t.ordinal() == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setToggleGroup(group);
            b.setOnAction(e -> asked.set(t));
            pills.getChildren().add(b);
        }
        Runnable follow = () -> {
            BotChart c = chart.getValue();
            Timeframe own = c == null ? null : Timeframe.parse(c.botTimeframe());
            for (Toggle toggle : group.getToggles()) {
                ChartTimeframe t = (ChartTimeframe) toggle.getUserData();
                ((ToggleButton) toggle).setDisable(own != null && !t.fits(own));
                toggle.setSelected(c != null && t.label().equals(c.timeframe()));
            }
        };
        chart.addListener((o, a, b) -> follow.run());
        follow.run();
        pills.setPadding(new javafx.geometry.Insets(0, 8, 0, 0));
        bar.getChildren().addFirst(pills);
    }

    /** Runs the chart key {@code e} stands for, if any. */
    void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) return;
        KeyCode k = e.getCode();
        switch (k) {
            case PLUS, ADD, EQUALS -> window.zoom(ZOOM_STEP);
            case MINUS, SUBTRACT -> window.zoom(1 / ZOOM_STEP);
            case LEFT -> window.pan(-PAN_STEP);
            case RIGHT -> window.pan(PAN_STEP);
            case HOME, DIGIT0, NUMPAD0 -> window.reset();
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4 -> {
                if (asked == null) return;
                asked.set(ChartTimeframe.values()[k.ordinal() - KeyCode.DIGIT1.ordinal()]);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }
}
