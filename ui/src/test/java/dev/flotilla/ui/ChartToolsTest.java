package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.model.Side;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.chart.CandleChartView;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candle chart's tools on a real engine's bot after four simulated days, the engine then stopped so the chart
 * holds still: zoom and pan, the range picker, the crosshair, the tooltips, the position's levels and saving a PNG.
 */
class ChartToolsTest {

    static final double DAY = 86_400;

    @TempDir
    static Path dir;

    static LiveEngine live;
    static Console console;
    static MainWindow w;
    static CandleChartView chart;
    static String bot;

    @BeforeAll
    static void open() throws Exception {
        Fx.start();
        live = new LiveEngine(dir, EngineConfig.MAX_SPEED).runFor(Duration.ofDays(4));
        // a 15m bot in a position, with the most fills in its last week: exits to point at, a stop and a take-profit
        bot = live.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() > 0 && b.timeframe().equals("15m"))
                .map(BotView::id).max(Comparator.comparingLong(id -> exits(live.engine.reads().chart(id, 672).orElseThrow())))
                .orElseThrow();
        console = OpenConsole.window(live, dir, Prefs.Theme.DARK);
        w = console.window();
        chart = w.candles();
        Fx.run(() -> w.actions().showChart(bot));
        Fx.await("the chart of " + bot, () -> chart.title().startsWith(bot) && chart.markerCount() >= 2);
        Fx.settle(w);
    }

    @AfterAll
    static void close() throws Exception {
        Fx.run(console::quit);
        live.close();
    }

    private static long exits(BotChart c) {
        return c.markers().stream().filter(m -> m.side() == Side.SELL && m.pnl() != null).count();
    }

    @Test
    void theKeysZoomAndPanTheTimeInViewAndHomeGoesBackToTheRange() throws Exception {
        reset();
        double[] before = Fx.on(chart::timeInView);
        assertThat(before[1] - before[0]).as("a week is in view at first").isCloseTo(7 * DAY, within(1.0));
        key(KeyCode.PLUS);
        double[] zoomed = Fx.on(chart::timeInView);
        assertThat(zoomed[1] - zoomed[0]).isCloseTo(0.8 * 7 * DAY, within(1.0));
        assertThat(zoomed[1]).as("zoomed in at the newest candle").isEqualTo(before[1]);
        key(KeyCode.LEFT);
        double[] panned = Fx.on(chart::timeInView);
        assertThat(panned[1]).isCloseTo(zoomed[1] - 0.2 * (zoomed[1] - zoomed[0]), within(1.0));
        assertThat(panned[1] - panned[0]).isCloseTo(zoomed[1] - zoomed[0], within(1.0));
        key(KeyCode.MINUS);
        key(KeyCode.MINUS);
        double[] out = Fx.on(chart::timeInView);
        assertThat(out[1] - out[0]).isGreaterThan(panned[1] - panned[0]);
        key(KeyCode.HOME);
        assertThat(Fx.on(chart::timeInView)).containsExactly(before);
    }

    @Test
    void theMouseWheelZoomsTheTimeAxis() throws Exception {
        reset();
        double[] before = Fx.on(chart::timeInView);
        Fx.run(() -> {
            Node canvas = chart.priceChart().getCanvas();
            var b = canvas.getLayoutBounds();
            Point2D at = canvas.localToScene(b.getWidth() / 2, b.getHeight() / 2);
            Point2D screen = canvas.localToScreen(b.getWidth() / 2, b.getHeight() / 2);
            Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), screen.getX(), screen.getY(),
                    false, false, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        Fx.await("the wheel zoomed in", () -> chart.timeInView()[1] - chart.timeInView()[0] < before[1] - before[0] - DAY / 10);
        Fx.settle(w);
        // a data update keeps the zoom the user chose
        Fx.run(() -> w.candles().flush());
        assertThat(Fx.on(() -> chart.timeInView()[1] - chart.timeInView()[0])).isLessThan(before[1] - before[0]);
    }

    @Test
    void theRangePickerLoadsAndShowsADayAWeekOrEverything() throws Exception {
        reset();
        int week = Fx.on(chart::candleCount);
        assertThat(week).isEqualTo(7 * 96);
        range("day");
        Fx.await("a day in view", () -> Math.abs(chart.timeInView()[1] - chart.timeInView()[0] - DAY) < 1);
        Fx.await("a day of candles loaded", () -> chart.candleCount() == 96);
        range("all");
        Fx.await("every stored candle", () -> chart.candleCount() > week);
        double[] all = Fx.on(chart::timeInView);
        assertThat(all[1] - all[0]).isGreaterThan(7 * DAY);
        range("week");
        Fx.await("a week again", () -> chart.candleCount() == week);
    }

    @Test
    void theTimeframePickerMergesTheBotsCandlesIntoLongerOnes() throws Exception {
        reset();
        timeframe("1h");
        Fx.await("a week of hours", () -> chart.title().contains(" 1h (from 15m)") && chart.candleCount() == 7 * 24);
        assertThat(Fx.on(() -> selected("1h"))).isTrue();
        double[] hours = Fx.on(chart::timeInView);
        assertThat(hours[1] - hours[0]).as("the range still shows a week").isCloseTo(7 * DAY, within(1.0));
        Fx.settle(w);
        Fx.on(() -> Screenshots.save(w.scene(), "chart-timeframe-1h"));
        key(KeyCode.DIGIT4);  // the key for days
        Fx.await("a week of days", () -> chart.title().contains(" 1d (from 15m)") && chart.candleCount() >= 5
                && chart.candleCount() <= 7);
        // a 4h bot cannot be shown in 15m or 1h candles; asked for days it shows days, for hours its own 4h
        String slow = live.engine.snapshot().bots().stream().filter(b -> b.timeframe().equals("4h")).map(BotView::id)
                .findFirst().orElseThrow();
        Fx.run(() -> w.actions().showChart(slow));
        Fx.await("the 4h bot in days", () -> chart.title().startsWith(slow) && chart.title().contains(" 1d (from 4h)"));
        assertThat(Fx.on(() -> disabled("15m") && disabled("1h") && !disabled("4h") && !disabled("1d"))).isTrue();
        timeframe("4h");
        Fx.await("the 4h bot in its own candles", () -> chart.title().contains(" 4h  ·"));
        Fx.run(() -> w.actions().showChart(bot));
        Fx.await("the 15m bot again", () -> chart.title().startsWith(bot));
        reset();
    }

    @Test
    void theCrosshairGivesTheTimeAndPriceUnderThePointer() throws Exception {
        reset();
        BotChart c = live.engine.reads().chart(bot, 672).orElseThrow();
        // a candle with no trade mark near it (a week is 1.5 pixels a candle), so that its own tooltip shows
        long tf = 900_000;
        var k = c.candles().reversed().stream().skip(10)
                .filter(x -> c.markers().stream().noneMatch(m -> Math.abs(Math.floorDiv(m.time(), tf) * tf - x.openTime()) <= 12 * tf))
                .findFirst().orElseThrow();
        Point2D at = Fx.on(() -> point(k.openTime() / 1000.0, k.close()));
        move(at);
        String text = Fx.on(chart::crosshairText);
        assertThat(text).contains(dev.flotilla.ui.Fmt.minute(k.openTime()).substring(0, 13)).contains("UTC");
        double price = Double.parseDouble(text.substring(text.lastIndexOf(',') + 1).replace(",", "").trim()
                .replaceAll("[^0-9.]", ""));
        var y = chart.priceChart().getYAxis();
        double perPixel = Fx.on(() -> (y.getMax() - y.getMin()) / chart.priceChart().getCanvas().getHeight());
        assertThat(price).isCloseTo(k.close(), within(2 * perPixel));
        // the candle's tooltip gives its OHLCV
        assertThat(Fx.on(chart::tooltipText)).contains("open " + dev.flotilla.ui.Fmt.price(k.open()))
                .contains("close " + dev.flotilla.ui.Fmt.price(k.close())).contains("volume");
    }

    @Test
    void anExitsTooltipNamesItsOrderItsReasonAndItsPnl() throws Exception {
        reset();
        BotChart c = live.engine.reads().chart(bot, 672).orElseThrow();
        TradeMarker exit = c.markers().stream().filter(m -> m.side() == Side.SELL && m.pnl() != null).reduce((a, b) -> b)
                .orElseThrow();
        long tf = 900_000;
        Point2D at = Fx.on(() -> point(Math.floorDiv(exit.time(), tf) * tf / 1000.0, exit.price()));
        move(at);
        String tip = Fx.on(chart::tooltipText);
        assertThat(tip).contains("order " + exit.clientOrderId()).contains("reason " + exit.note())
                .contains("PnL " + dev.flotilla.ui.Fmt.signedMoney(exit.pnl()));
        assertThat(exit.note()).isNotBlank();
        Fx.settle(w);
        Fx.on(() -> Screenshots.save(w.scene(), "chart-tooltip-crosshair-levels"));
        Path png = Files.createTempFile(dir, "chart", ".png");
        Fx.run(() -> {
            try {
                chart.savePng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.copy(png, Screenshots.DIR.resolve("chart-saved-as-png.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theOpenPositionsStopAndTakeProfitAreLabelledOnThePriceAxis() throws Exception {
        BotChart c = live.engine.reads().chart(bot, 10).orElseThrow();
        String[] labels = Fx.on(chart::levelLabels);
        assertThat(labels[0]).isEqualTo("entry " + dev.flotilla.ui.Fmt.price(c.entryPrice()));
        assertThat(labels[1]).isEqualTo("SL " + dev.flotilla.ui.Fmt.price(c.stopPrice()));
        assertThat(labels[2]).isEqualTo("TP " + dev.flotilla.ui.Fmt.price(c.takeProfitPrice()));
        var y = chart.priceChart().getYAxis();
        assertThat(Fx.on(y::getMin)).isLessThan(c.stopPrice().doubleValue());
        assertThat(Fx.on(y::getMax)).isGreaterThan(c.takeProfitPrice().doubleValue());
        // the labels never cover one another, however close the levels are
        var bounds = Fx.on(chart::levelLabelBounds);
        assertThat(bounds).hasSize(3);
        for (int i = 1; i < bounds.size(); i++) {
            assertThat(bounds.get(i).getMinY()).isGreaterThanOrEqualTo(bounds.get(i - 1).getMaxY() - 0.5);
        }
    }

    @Test
    void saveAsPngWritesAPngOfTheChart() throws Exception {
        Path file = dir.resolve("saved.png");
        Fx.run(() -> {
            try {
                chart.savePng(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        var image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(Fx.on(chart::getWidth)));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(Fx.on(chart::getHeight)));
        // not a blank image: the candles' two colours and the background at least
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int yy = 0; yy < image.getHeight(); yy += 3) colours.add(image.getRGB(x, yy));
        }
        assertThat(colours.size()).isGreaterThan(20);
    }

    private static void reset() throws Exception {
        timeframe("15m");
        range("week");
        Fx.await("a week of candles", () -> chart.candleCount() == 7 * 96);
        key(KeyCode.HOME);
        Fx.settle(w);
    }

    private static void range(String which) throws Exception {
        Fx.run(() -> ((ToggleButton) chart.lookup("#chart-range-" + which)).fire());
    }

    private static void timeframe(String which) throws Exception {
        Fx.run(() -> ((ToggleButton) chart.lookup("#chart-timeframe-" + which)).fire());
    }

    private static boolean selected(String which) {
        return ((ToggleButton) chart.lookup("#chart-timeframe-" + which)).isSelected();
    }

    private static boolean disabled(String which) {
        return chart.lookup("#chart-timeframe-" + which).isDisabled();
    }

    private static void key(KeyCode code) throws Exception {
        Fx.run(() -> {
            Node target = chart.priceChart();
            target.requestFocus();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
        });
    }

    /** Where (time in seconds, price) is drawn, in scene coordinates. */
    private static Point2D point(double t, double price) {
        var c = chart.priceChart();
        return c.getCanvas().localToScene(c.getXAxis().getDisplayPosition(t), c.getYAxis().getDisplayPosition(price));
    }

    /** Moves the pointer to {@code scene}, in two steps as a real pointer does (the tooltip sizes itself on the second). */
    private static void move(Point2D scene) throws Exception {
        moveOnce(scene.add(1, 0));
        moveOnce(scene);
    }

    private static void moveOnce(Point2D scene) throws Exception {
        Fx.run(() -> {
            Node canvas = chart.priceChart().getCanvas();
            Point2D screen = canvas.localToScreen(canvas.sceneToLocal(scene));
            Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(), screen.getX(),
                    screen.getY(), MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false,
                    false, null));
        });
        Fx.settle(w);
    }
}
