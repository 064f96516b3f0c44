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

    /** Creating, editing and removing bots. */
    BotCommands bots();

    /** Each bot's stored parameter and limit changes, and undoing one. */
    ParamsApi params();

    /** Fleet files applied to the running fleet: the plan first, then the plan in one step. */
    FleetImport fleetImport();

    /** Orders, trades, positions, equity history and charts, from the store. */
    EngineReads reads();

    /** Performance views (by bot, strategy type and symbol; PnL by day, week and month) and exports, from the store. */
    ReportsApi reports();

    /** Engine seconds per wall second; {@code Double.POSITIVE_INFINITY} is as fast as the machine allows. */
    double speed();

    /** Whether the speed can be changed while running (a simulated market; a real one runs in real time). */
    boolean speedAdjustable();

    /**
     * Changes the speed from the engine's present on; the mode badge follows.
     *
     * @throws IllegalArgumentException below 1, or when {@link #speedAdjustable()} is false
     */
    void setSpeed(double speed);

    /** Differences between the ledger and the broker found at start; while there are any, nothing trades. */
    java.util.List<String> reconciliationDifferences();

    /** Why the engine holds the fleet halted (e.g. a reconciliation mismatch), or null. */
    String haltReason();

    /** A store problem (disk full, read-only folder) that has paused the bots, or null. */
    String storeProblem();

    /** After a reconciliation mismatch: take the broker's balances as the truth and trade on. */
    void acceptBrokerView();

    /** Risk limits, the kill switch, breaker resets and risk events. */
    RiskApi risk();

    /** How the market data source is doing: healthy, retrying, rate limited or banned, and its request budget. */
    default MarketStatus marketStatus() {
        return MarketStatus.ok("sandbox");
    }

    /** Strategy plug-ins in the data folder. */
    PluginApi plugins();

    /** The optional AI level (a local model's second opinion on entries). */
    default AiApi ai() {
        return AiApi.NONE;
    }
}
