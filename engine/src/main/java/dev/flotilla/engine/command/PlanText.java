package dev.flotilla.engine.command;

import dev.flotilla.engine.model.BotSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** How a fleet plan writes a bot's changed fields: "params fastPeriod 9 → 12", "capital 10000 → 20000". */
final class PlanText {

    private PlanText() {
    }

    /** Each field of {@code now} that differs from {@code was}, old → new; empty when the bot stays as it is. */
    static List<String> changes(BotSpec was, BotSpec now) {
        List<String> c = new ArrayList<>();
        boolean sameStrategy = was.strategy().equals(now.strategy());
        if (!sameStrategy) c.add("strategy " + was.strategy() + " → " + now.strategy());
        if (!was.symbol().equals(now.symbol())) c.add("symbol " + was.symbol() + " → " + now.symbol());
        if (was.timeframe() != now.timeframe()) c.add("timeframe " + was.timeframe().label() + " → " + now.timeframe().label());
        if (!sameStrategy) {
            if (!was.params().equals(now.params())) c.add("params " + all(was.params()) + " → " + all(now.params()));
        } else {
            TreeSet<String> names = new TreeSet<>(was.params().keySet());
            names.addAll(now.params().keySet());
            for (String n : names) {
                Double a = was.params().get(n);
                Double b = now.params().get(n);
                if (!Objects.equals(a, b)) c.add("params " + n + " " + (a == null ? "(none)" : number(a)) + " → " + (b == null ? "(none)" : number(b)));
            }
        }
        if (was.capital().compareTo(now.capital()) != 0) {
            c.add("capital " + number(was.capital()) + " → " + number(now.capital()) + " USDT");
        }
        return c;
    }

    private static String all(Map<String, Double> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + " " + number(v)));
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }

    static String number(Double v) {
        return FleetCommands.number(v);
    }

    static String number(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
