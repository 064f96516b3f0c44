package dev.flotilla.engine.risk;

import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the fleet holds at one decision: open positions and the entries already approved and not yet settled, both at
 * their last price (see {@link PriceBook}), in total and per symbol; with the aggregate capital and equity the shares refer to.
 */
final class Exposure {

    private final BigDecimal capital;
    private final BigDecimal equity;
    private BigDecimal total = BigDecimal.ZERO;
    private final TreeMap<Symbol, BigDecimal> bySymbol = new TreeMap<>();

    private Exposure(BigDecimal capital, BigDecimal equity) {
        this.capital = capital;
        this.equity = equity;
    }

    static Exposure of(Collection<BotBook> bots, Map<String, Intent> reserved, PriceBook prices) {
        BigDecimal capital = BigDecimal.ZERO;
        BigDecimal equity = BigDecimal.ZERO;
        for (BotBook b : bots) {
            capital = capital.add(b.capital());
            equity = equity.add(b.equity());
        }
        Exposure x = new Exposure(capital, equity);
        for (BotBook b : bots) {
            Position p = b.position();
            if (p != null) x.add(p.symbol(), prices.value(b, p));
        }
        for (Intent in : reserved.values()) {
            if (in.bot().position() == null) x.add(in.symbol(), prices.value(in));
        }
        return x;
    }

    void add(Symbol s, BigDecimal value) {
        total = total.add(value);
        bySymbol.merge(s, value, BigDecimal::add);
    }

    BigDecimal capital() {
        return capital;
    }

    BigDecimal equity() {
        return equity;
    }

    BigDecimal total() {
        return total;
    }

    BigDecimal of(Symbol s) {
        return bySymbol.getOrDefault(s, BigDecimal.ZERO);
    }

    SortedMap<Symbol, BigDecimal> bySymbol() {
        return Collections.unmodifiableSortedMap(bySymbol);
    }
}
