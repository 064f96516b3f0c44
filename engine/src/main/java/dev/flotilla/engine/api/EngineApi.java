package dev.flotilla.engine.api;

import dev.flotilla.engine.event.EventBus;

/** What the console and the command line may ask of a running engine. Commands run on the engine's thread. */
public interface EngineApi {

    /** The latest picture of the fleet. */
    FleetSnapshot snapshot();

    /** Events as they happen, after they are committed. */
    EventBus events();

    /** Starts a stopped (or failed) bot; its next tick runs at its next candle close. */
    void startBot(String botId);

    /** Stops a bot's ticks; an open position keeps its stop-loss protection. */
    void stopBot(String botId);

    /** Risk limits, the kill switch, breaker resets and risk events. */
    RiskApi risk();
}
