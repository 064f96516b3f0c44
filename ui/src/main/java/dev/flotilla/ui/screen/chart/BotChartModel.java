package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.ChartTimeframe;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.fx.Reload;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The chart of the selected bot over the chosen range. The candles, indicators and fills are a query plus
 * indicator math, so they are loaded off the FX thread, again when the range or candle length changes, and when
 * the bot ticks or trades, at most four times a second.
 */
public final class BotChartModel {

    /**
     * The least time between two loads that follow the bot's trading: at full speed a bot closes candles many times
     * a second, and a chart loaded and drawn for each would take the frames the rest of the window needs.
     */
    static final long TRADING_GAP_MS = 250;

    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.WEEK);
    /** The candle length asked for (null: each bot's own); a bot it does not fit is shown in its own. */
    private final ObjectProperty<ChartTimeframe> candles = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<BotChart> chart = new ReadOnlyObjectWrapper<>();
    private final Reload<Optional<BotChart>> reload;
    /** The timeframe of the last bot charted: the candles a range needs depend on it (read on the loader's thread). */
    private volatile Timeframe timeframe = Timeframe.M15;

    public BotChartModel(EngineReads reads, Loader loader) {
        this.reload = new Reload<>(loader, () -> {
            String id = botId.get();
            ChartRange r = range.get();
            ChartTimeframe asked = candles.get();
            return () -> id == null ? Optional.empty() : load(reads, id, r, asked);
        }, result -> {
            BotChart c = result.orElse(null);
            // a result for a bot no longer selected is dropped; the newer request follows
            if (c == null || c.botId().equals(botId.get())) chart.set(c);
        }, TRADING_GAP_MS);
        botId.addListener((o, a, b) -> reload.request());
        range.addListener((o, a, b) -> reload.request());
        candles.addListener((o, a, b) -> reload.request());
    }

    private Optional<BotChart> load(EngineReads reads, String id, ChartRange r, ChartTimeframe asked) {
        Timeframe tf = timeframe;
        Optional<BotChart> c = reads.chart(id, r.bars(shown(tf, asked)), shown(tf, asked));
        Timeframe real = c.map(x -> Timeframe.parse(x.botTimeframe())).orElse(tf);
        if (real == tf) return c;
        timeframe = real;  // a bot of another timeframe: asked again for the candles its range needs
        return reads.chart(id, r.bars(shown(real, asked)), shown(real, asked));
    }

    private static ChartTimeframe shown(Timeframe own, ChartTimeframe asked) {
        return asked != null && asked.fits(own) ? asked : ChartTimeframe.of(own);
    }

    /** The candle length asked for; null shows each bot in its own timeframe. */
    public ObjectProperty<ChartTimeframe> candles() {
        return candles;
    }

    /** The range of history loaded (and shown, unless zoomed). */
    public ObjectProperty<ChartRange> range() {
        return range;
    }

    /** The bot whose chart is shown. */
    public ObjectProperty<String> botId() {
        return botId;
    }

    public ReadOnlyObjectProperty<BotChart> chart() {
        return chart.getReadOnlyProperty();
    }

    /** FX thread. */
    public void onPulse(Pulse p) {
        String id = botId.get();
        if (id == null) return;
        reload.poll();
        for (EngineEvent e : p.events()) {
            if (!id.equals(e.botId())) continue;
            if (e instanceof BotEvent.TickCompleted || e instanceof OrderEvent.OrderFilled || e instanceof PositionEvent) {
                reload.requestSoon();
                return;
            }
        }
    }

    public void reload() {
        reload.request();
    }
}
