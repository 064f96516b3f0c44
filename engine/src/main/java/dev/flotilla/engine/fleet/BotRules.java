package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The rules for a bot's fields that are not the strategy's own, shared by the fleet file and the console's
 * dialogs so both say the same thing. Each answer is null when the value is allowed, else why not.
 */
public final class BotRules {

    private BotRules() {
    }

    public static String idProblem(String id) {
        return BotIds.problem(id);
    }

    public static String symbolProblem(String text, Collection<Symbol> allowed) {
        Symbol symbol;
        try {
            symbol = Symbol.parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (allowed.contains(symbol)) return null;
        return "unknown symbol '" + symbol + "'; allowed: "
                + allowed.stream().map(Symbol::toString).collect(Collectors.joining(", "));
    }

    public static String timeframeProblem(String text) {
        try {
            Timeframe.parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static String capitalProblem(BigDecimal capital) {
        if (capital.signum() <= 0 || capital.compareTo(FleetFile.MAX_CAPITAL) > 0) {
            return "must be more than 0 and at most " + FleetFile.MAX_CAPITAL.toPlainString() + " USDT, got "
                    + capital.toPlainString();
        }
        return null;
    }
}
