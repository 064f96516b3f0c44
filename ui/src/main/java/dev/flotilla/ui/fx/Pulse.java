package dev.flotilla.ui.fx;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.event.EngineEvent;
import java.util.List;

/**
 * What the window learns at one pulse: the latest fleet snapshot and every event since the previous pulse,
 * oldest first, handed over together on the FX thread.
 *
 * @param busDropped     events the bus dropped because the console's queue was full
 * @param backlogDropped events the bridge dropped because the window did not take them in time
 * @param allDropped     events dropped for all the bus's subscribers together
 */
public record Pulse(FleetSnapshot snapshot, List<EngineEvent> events, long busDropped, long backlogDropped,
                    long allDropped) {

    /** The console's own drops. */
    public long consoleDropped() {
        return busDropped + backlogDropped;
    }
}
