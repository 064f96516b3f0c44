package dev.flotilla.engine.boot;

import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the engine's ledger at start, two ways: against the broker's balances (cash and the coin held), and
 * against the sum of its own recorded fills and accepted adjustments. Any difference is reported exactly; the
 * engine never guesses which side is right.
 */
final class Reconciliation {

    /** One thing that differs, with both numbers. */
    record Difference(String botId, String what, BigDecimal ledger, BigDecimal other, String otherName) {
        @Override
        public String toString() {
            return botId + ": " + what + " is " + ledger.stripTrailingZeros().toPlainString() + " in the ledger but "
                    + other.stripTrailingZeros().toPlainString() + " " + otherName;
        }
    }

    private Reconciliation() {
    }

    /** What a bot's ledger should hold from its capital, recorded fills and accepted adjustments: {cash, coin}. */
    static Map<String, BigDecimal[]> expected(Collection<BotRuntime> bots, List<Fill> fills,
                                              Map<String, Map<String, BigDecimal>> adjustments) {
        Map<String, BigDecimal[]> sums = sums(fills);
        Map<String, BigDecimal[]> out = new HashMap<>();
        for (BotRuntime b : bots) {
            BigDecimal[] s = sums.getOrDefault(b.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            Map<String, BigDecimal> adj = adjustments.getOrDefault(b.id(), Map.of());
            out.put(b.id(), new BigDecimal[] {
                    b.spec().capital().add(s[0]).add(adj.getOrDefault(b.spec().symbol().quote(), BigDecimal.ZERO)),
                    s[1].add(adj.getOrDefault(b.spec().symbol().base(), BigDecimal.ZERO))});
        }
        return out;
    }

    private static Map<String, BigDecimal[]> sums(List<Fill> fills) {
        Map<String, BigDecimal[]> sums = new HashMap<>();  // bot -> {cash change, coin held}
        for (Fill f : fills) {
            BigDecimal[] s = sums.computeIfAbsent(f.botId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (f.side() == Side.BUY) {
                s[0] = s[0].subtract(f.notional()).subtract(f.fee());
                s[1] = s[1].add(f.qty());
            } else {
                s[0] = s[0].add(f.notional()).subtract(f.fee());
                s[1] = s[1].subtract(f.qty());
            }
        }
        return sums;
    }

    static List<Difference> check(Collection<BotRuntime> bots, Broker broker, List<Fill> fills,
                                  Map<String, Map<String, BigDecimal>> adjustments) {
        return check(bots, broker, fills, adjustments, Map.of());
    }

    /**
     * @param outside what the operator declared as kept in a shared (live) account outside Flotilla, by asset
     */
    static List<Difference> check(Collection<BotRuntime> bots, Broker broker, List<Fill> fills,
                                  Map<String, Map<String, BigDecimal>> adjustments, Map<String, BigDecimal> outside) {
        Map<String, BigDecimal[]> expected = expected(bots, fills, adjustments);
        List<Difference> out = new ArrayList<>();
        if (broker.sharedAccount()) out.addAll(SharedAccountCheck.check(bots, broker.accountBalances(), outside));
        for (BotRuntime b : bots) {
            String quote = b.spec().symbol().quote();
            String base = b.spec().symbol().base();
            BigDecimal cash = b.account().cash();
            BigDecimal held = b.position() == null ? BigDecimal.ZERO : b.position().qty();
            if (!broker.sharedAccount()) {
                Map<String, BigDecimal> bal = broker.balances(b.id());
                compare(out, b.id(), quote + " balance", cash, bal.getOrDefault(quote, BigDecimal.ZERO), "at the broker");
                compare(out, b.id(), base + " held", held, bal.getOrDefault(base, BigDecimal.ZERO), "at the broker");
            }
            BigDecimal[] e = expected.get(b.id());
            compare(out, b.id(), quote + " balance", cash, e[0], "from its capital and recorded fills");
            compare(out, b.id(), base + " held", held, e[1], "from its recorded fills");
        }
        return out;
    }

    private static void compare(List<Difference> out, String bot, String what, BigDecimal ledger, BigDecimal other,
                                String otherName) {
        if (ledger.compareTo(other) != 0) {
            out.add(new Difference(bot, what, ledger, other, otherName));
        }
    }
}
