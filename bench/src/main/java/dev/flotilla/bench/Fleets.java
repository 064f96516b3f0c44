package dev.flotilla.bench;

import dev.flotilla.engine.fleet.FleetFile;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.strategy.ParamSpec;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fleets of any size made from the default fleet: the first 45 bots are the default fleet itself, and every further
 * bot copies the strategy type, symbol and timeframe of one of them with its own parameters, drawn from a seeded
 * generator around the type's defaults and accepted only when the registry accepts them. The same size always gives
 * the same fleet, on the same 39 feeds.
 */
final class Fleets {

    private final StrategyRegistry registry;
    private final List<BotSpec> defaults;

    Fleets(StrategyRegistry registry) {
        this.registry = registry;
        this.defaults = new FleetFile(registry, SandboxMarket.DEFAULT_SYMBOLS).parse(defaultJson());
    }

    static String defaultJson() {
        try (InputStream in = Fleets.class.getResourceAsStream("/flotilla/fleet.json")) {
            if (in == null) throw new IllegalStateException("the built-in fleet file is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<BotSpec> defaultFleet() {
        return defaults;
    }

    /** {@code n} bots; fewer than 45 takes the first {@code n} of the default fleet. */
    List<BotSpec> of(int n) {
        List<BotSpec> fleet = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BotSpec t = defaults.get(i % defaults.size());
            if (i < defaults.size()) {
                fleet.add(t);
                continue;
            }
            String id = t.id() + "-v" + (i / defaults.size());
            fleet.add(new BotSpec(id, t.strategy(), t.symbol(), t.timeframe(), params(t.strategy(), i), t.capital()));
        }
        return fleet;
    }

    private Map<String, Double> params(String strategy, int i) {
        SplittableRandom random = new SplittableRandom(1_000_003L * i + 17);
        List<ParamSpec> specs = registry.type(strategy).params();
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (ParamSpec s : specs) p.put(s.name(), draw(s, random));
            try {
                return registry.resolve(strategy, p);
            } catch (IllegalArgumentException rejected) {
                // e.g. a fast period not below the slow one: draw again
            }
        }
        return registry.resolve(strategy, Map.of());
    }

    /** Periods from 60% to 160% of the default; levels and factors within a tenth of their range of the default. */
    private static double draw(ParamSpec s, SplittableRandom random) {
        double v;
        if (s.integer() && s.defaultValue() >= 2) {
            v = Math.rint(s.defaultValue() * (0.6 + random.nextDouble()));
        } else if (s.integer()) {
            v = random.nextBoolean() ? s.min() : s.max();  // a 0/1 switch
        } else {
            double span = (s.max() - s.min()) / 10;
            v = Math.rint((s.defaultValue() + (random.nextDouble() * 2 - 1) * span) * 100) / 100;
        }
        return Math.max(s.min(), Math.min(s.max(), v));
    }

    /** The fleet as a fleet file, for {@code --fleet} of a child process. */
    static String json(List<BotSpec> fleet) {
        StringBuilder sb = new StringBuilder("{\n  \"bots\": [\n");
        for (int i = 0; i < fleet.size(); i++) {
            BotSpec b = fleet.get(i);
            sb.append("    {\"id\": \"").append(b.id()).append("\", \"strategy\": \"").append(b.strategy())
                    .append("\", \"symbol\": \"").append(b.symbol()).append("\", \"timeframe\": \"")
                    .append(b.timeframe().label()).append("\", \"capital\": ").append(b.capital().toPlainString())
                    .append(", \"params\": {");
            int k = 0;
            for (var e : b.params().entrySet()) {
                sb.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
            }
            sb.append("}}").append(i + 1 < fleet.size() ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }
}
