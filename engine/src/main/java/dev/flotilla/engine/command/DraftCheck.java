package dev.flotilla.engine.command;

import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.fleet.BotRules;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.strategy.ParamSpec;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.StrategyType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a bot typed into a dialog with the same rules as the fleet file ({@link BotRules}) and the strategy
 * registry, one message per field, so a dialog can put each under its field.
 */
final class DraftCheck {

    private final StrategyRegistry registry;

    DraftCheck(StrategyRegistry registry) {
        this.registry = registry;
    }

    /** The problems of the fields themselves (not whether the id is free or the bot may change). */
    Map<String, String> problems(BotDraft d, Collection<Symbol> symbols) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, BotCheck.ID, BotRules.idProblem(trim(d.id())));
        put(p, BotCheck.SYMBOL, blank(d.symbol()) ? "choose a symbol" : BotRules.symbolProblem(d.symbol(), symbols));
        put(p, BotCheck.TIMEFRAME, blank(d.timeframe()) ? "choose a timeframe" : BotRules.timeframeProblem(d.timeframe()));
        String capital = trim(d.capital());
        if (capital.isEmpty()) {
            p.put(BotCheck.CAPITAL, "enter the bot's paper capital in USDT");
        } else {
            BigDecimal c = number(capital);
            put(p, BotCheck.CAPITAL, c == null ? "must be a number of USDT, got '" + capital + "'" : BotRules.capitalProblem(c));
        }
        StrategyType type = null;
        if (blank(d.strategy())) {
            p.put(BotCheck.STRATEGY, "choose a strategy");
        } else {
            try {
                type = registry.type(d.strategy());
            } catch (IllegalArgumentException e) {
                p.put(BotCheck.STRATEGY, e.getMessage());
            }
        }
        if (type != null) params(type, d, p);
        return p;
    }

    private void params(StrategyType type, BotDraft d, Map<String, String> p) {
        Map<String, Double> given = new LinkedHashMap<>();
        boolean each = true;
        for (ParamSpec spec : type.params()) {
            String text = trim(d.params().get(spec.name()));
            if (text.isEmpty()) continue;  // the default
            BigDecimal v = number(text);
            String problem = v == null ? "parameter '" + spec.name() + "' must be a number, got '" + text + "'"
                    : spec.check(v.doubleValue());
            if (problem != null) {
                p.put(BotCheck.param(spec.name()), problem);
                each = false;
            } else {
                given.put(spec.name(), v.doubleValue());
            }
        }
        if (!each) return;
        try {
            registry.resolve(type.id(), given);  // the type's rules between parameters
        } catch (IllegalArgumentException e) {
            p.put(BotCheck.PARAMS, e.getMessage());
        }
    }

    /** The spec of a draft whose {@link #problems} are none. */
    BotSpec spec(BotDraft d) {
        Map<String, Double> given = new LinkedHashMap<>();
        for (ParamSpec spec : registry.type(d.strategy()).params()) {
            String text = trim(d.params().get(spec.name()));
            if (!text.isEmpty()) given.put(spec.name(), number(text).doubleValue());
        }
        return new BotSpec(trim(d.id()), d.strategy(), Symbol.parse(d.symbol()), Timeframe.parse(d.timeframe()),
                registry.resolve(d.strategy(), given), number(trim(d.capital())));
    }

    private static void put(Map<String, String> p, String field, String problem) {
        if (problem != null) p.put(field, problem);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
