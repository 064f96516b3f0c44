package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.fx.Reload;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The chart of the selected bot. The candles, indicators and fills are a query plus indicator math, so they
 * are loaded off the FX thread, again when the bot ticks or trades; a pulse with many such events asks once.
 */
public final class BotChartModel {

    /** Candles shown. */
    public static final int BARS = 150;

    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<BotChart> chart = new ReadOnlyObjectWrapper<>();
    private final Reload<Optional<BotChart>> reload;

    public BotChartModel(EngineReads reads, Loader loader) {
        this.reload = new Reload<>(loader, () -> {
            String id = botId.get();
            return () -> id == null ? Optional.empty() : reads.chart(id, BARS);
        }, result -> {
            BotChart c = result.orElse(null);
            // a result for a bot no longer selected is dropped; the newer request follows
            if (c == null || c.botId().equals(botId.get())) chart.set(c);
        });
        botId.addListener((o, a, b) -> reload.request());
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
