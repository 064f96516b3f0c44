package dev.flotilla.engine.ai;

import dev.flotilla.engine.api.AiApi;
import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.risk.PriceHistory;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.AiStore;
import dev.flotilla.engine.store.Store;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI level's settings (in the store's settings table), its reachability (checked in the background every
 * 30 s, never on a close's path) and its analyses, for the console; and the level the pipeline runs.
 */
public final class AiControl implements AiApi {

    static final long RECHECK_NANOS = Duration.ofSeconds(30).toNanos();
    private static final Logger log = LoggerFactory.getLogger(AiControl.class);

    private final Store store;
    private final AiStore analyses;
    private final Fleet fleet;
    private final RiskGateway risk;
    private final PriceHistory history;
    private final OllamaClient client = new OllamaClient();
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AiLevel level;
    private volatile AiSettings settings;
    private volatile Map<String, Boolean> on;
    private volatile AiStatus reachable = AiStatus.UNAVAILABLE;
    private volatile long checkedAt = Long.MIN_VALUE;

    public AiControl(Store store, Fleet fleet, RiskGateway risk, PriceHistory history) {
        this.store = store;
        this.analyses = new AiStore(store);
        this.fleet = fleet;
        this.risk = risk;
        this.history = history;
        load();
        this.level = new AiLevel(new EngineContext(), client);
        if (settings.configured()) checkInBackground();
    }

    /** The level the pipeline runs. */
    public AiLevel level() {
        return level;
    }

    private void load() {
        Map<String, String> all = store.settings();
        long timeout = AiSettings.DEFAULT_TIMEOUT_MS;
        try {
            timeout = Long.parseLong(all.getOrDefault(EngineSettings.AI_TIMEOUT_MS, String.valueOf(timeout)));
        } catch (NumberFormatException e) {
            log.warn("AI level: stored timeout {} is not a number; {} ms", all.get(EngineSettings.AI_TIMEOUT_MS), timeout);
        }
        settings = new AiSettings(all.getOrDefault(EngineSettings.AI_URL, ""),
                all.getOrDefault(EngineSettings.AI_MODEL, AiSettings.DEFAULT_MODEL), timeout,
                "true".equals(all.get(EngineSettings.AI_ENABLED)));
        Map<String, Boolean> m = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(EngineSettings.AI_BOT)) m.put(k.substring(EngineSettings.AI_BOT.length()), "on".equals(v));
        });
        on = Map.copyOf(m);
    }

    @Override
    public AiSettings settings() {
        return settings;
    }

    @Override
    public void configure(AiSettings s) {
        if (!s.url().isEmpty()) {
            URI u;
            try {
                u = URI.create(s.url());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("url", "the URL is not valid: " + s.url(), e);
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new InvalidInputException("url", "the URL must be http:// or https:// with a host, e.g. "
                        + AiSettings.DEFAULT_URL, null);
            }
        }
        if (s.timeoutMs() < 100 || s.timeoutMs() > 60_000) {
            throw new InvalidInputException("timeout", "the timeout must be 100 ms to 60 s", null);
        }
        if (s.enabled() && s.model().isEmpty()) throw new InvalidInputException("model", "name the model to ask", null);
        store.write(tx -> {
            tx.setting(EngineSettings.AI_URL, s.url());
            tx.setting(EngineSettings.AI_MODEL, s.model());
            tx.setting(EngineSettings.AI_TIMEOUT_MS, String.valueOf(s.timeoutMs()));
            tx.setting(EngineSettings.AI_ENABLED, String.valueOf(s.enabled()));
        });
        settings = s;
        reachable = AiStatus.UNAVAILABLE;
        checkedAt = Long.MIN_VALUE;
        log.info("AI level: {} at {} with model {}, timeout {} ms", s.enabled() ? "on" : "off", s.url(), s.model(), s.timeoutMs());
        if (s.configured()) checkInBackground();
    }

    @Override
    public Map<String, Boolean> bots() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (BotSpec b : store.bots()) m.put(b.id(), on.getOrDefault(b.id(), false));
        return m;
    }

    @Override
    public void setBot(String botId, boolean value) {
        if (store.bot(botId).isEmpty()) throw new InvalidInputException("bot", "no bot " + botId, null);
        store.write(tx -> tx.setting(EngineSettings.AI_BOT + botId, value ? "on" : "off"));
        Map<String, Boolean> m = new LinkedHashMap<>(on);
        m.put(botId, value);
        on = Map.copyOf(m);
        log.info("bot {}: AI level {}", botId, value ? "on" : "off");
    }

    @Override
    public AiStatus status() {
        if (!settings.configured()) return AiStatus.NOT_CONFIGURED;
        if (System.nanoTime() - checkedAt > RECHECK_NANOS || checkedAt == Long.MIN_VALUE) checkInBackground();
        return reachable;
    }

    @Override
    public AiStatus checkNow() {
        AiSettings s = settings;
        if (!s.configured()) return AiStatus.NOT_CONFIGURED;
        AiStatus found = client.reachable(s.url(), Duration.ofSeconds(3)) ? AiStatus.AVAILABLE : AiStatus.UNAVAILABLE;
        if (s.equals(settings)) {
            if (found != reachable) log.info("AI level at {}: {}", s.url(), found.label());
            reachable = found;
            checkedAt = System.nanoTime();
        }
        return found;
    }

    private void checkInBackground() {
        if (!checking.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("ai-level-check").start(() -> {
            try {
                checkNow();
            } finally {
                checking.set(false);
            }
        });
    }

    @Override
    public List<AiAnalysis> recent(int limit) {
        return analyses.recent(limit);
    }

    /** The engine's side of a question, read on the engine's thread while it runs a close. */
    private final class EngineContext implements AiLevel.Context {
        public AiSettings settings() { return settings; }

        public AiStatus status() { return AiControl.this.status(); }

        public boolean on(String botId) { return on.getOrDefault(botId, false); }

        public void unreachable() {
            reachable = AiStatus.UNAVAILABLE;
            checkedAt = System.nanoTime();
        }

        public String prompt(Intent in) {
            BotRuntime b = fleet.botMap().get(in.botId());
            BotSpec spec = b == null ? null : b.spec();
            List<Candle> candles = spec == null ? List.of() : history.candles(spec.symbol(), spec.timeframe());
            return AiPrompt.of(in, spec == null ? null : spec.strategy(), spec == null ? null : spec.timeframe().label(),
                    candles, risk.limits(in.botId()).values());
        }
    }
}
