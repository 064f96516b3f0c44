package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotChart;
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
 * indicator math, so they are loaded off the FX thread, again when the bot ticks or trades or the range changes;
 * a pulse with many such events asks once.
 */
public final class BotChartModel {

    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.WEEK);
    private final ReadOnlyObjectWrapper<BotChart> chart = new ReadOnlyObjectWrapper<>();
    private final Reload<Optional<BotChart>> reload;
    /** The timeframe of the last bot charted: the candles a range needs depend on it (read on the loader's thread). */
    private volatile Timeframe timeframe = Timeframe.M15;

    public BotChartModel(EngineReads reads, Loader loader) {
        this.reload = new Reload<>(loader, () -> {
            String id = botId.get();
            ChartRange r = range.get();
            return () -> id == null ? Optional.empty() : load(reads, id, r);
        }, result -> {
            BotChart c = result.orElse(null);
            // a result for a bot no longer selected is dropped; the newer request follows
            if (c == null || c.botId().equals(botId.get())) chart.set(c);
        });
        botId.addListener((o, a, b) -> reload.request());
        range.addListener((o, a, b) -> reload.request());
    }

    private Optional<BotChart> load(EngineReads reads, String id, ChartRange r) {
        Timeframe tf = timeframe;
        Optional<BotChart> c = reads.chart(id, r.bars(tf));
        Timeframe real = c.map(x -> Timeframe.parse(x.timeframe())).orElse(tf);
        if (real == tf) return c;
        timeframe = real;  // a bot of another timeframe: asked again for the candles its range needs
        return reads.chart(id, r.bars(real));
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
        for (EngineEvent e : p.events()) {
            if (!id.equals(e.botId())) continue;
            if (e instanceof BotEvent.TickCompleted || e instanceof OrderEvent.OrderFilled || e instanceof PositionEvent) {
                reload.request();
                return;
            }
        }
    }

    public void reload() {
        reload.request();
    }
}
