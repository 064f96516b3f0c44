package dev.flotilla.engine.risk;

import static dev.flotilla.engine.model.RiskState.FLEET;
import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;
import static dev.flotilla.engine.risk.Numbers.pct;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.RiskState;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latching breakers and the UTC day. Checked at every mark (every 10 s of engine time, after prices are
 * fetched): a bot's drawdown from its peak and its loss of the day, the fleet's loss of the day and its drawdown
 * from the aggregate peak. The aggregate peak is sampled on the hour, so it moves at the same instants whether
 * or not the engine was restarted in between.
 */
final class Breakers {

    static final long HOUR = 3_600_000L;

    private final RiskBook book;
    /**
     * Each bot's and the fleet's loss floors, reference times (1 - limit), kept while neither changes: they are
     * checked for every bot at every mark, and working them out anew each time was a quarter of what a large fleet's
     * engine allocated.
     */
    private final Map<String, Floor> drawdownFloors = new HashMap<>();
    private final Map<String, Floor> dayFloors = new HashMap<>();

    private record Floor(BigDecimal reference, BigDecimal share, BigDecimal value) {
        boolean of(BigDecimal r, BigDecimal s) {
            return (r == reference || r.equals(reference)) && (s == share || s.equals(share));
        }
    }

    Breakers(RiskBook book) {
        this.book = book;
    }

    void evaluate(Collection<BotBook> bots, long now, List<EngineEvent> events) {
        rollover(bots, now, events);
        RiskBook.Changes c = book.begin(now, "breaker");
        BigDecimal total = BigDecimal.ZERO;
        for (BotBook b : bots) {
            BigDecimal e = b.equity();
            total = total.add(e);
            RiskState s = c.current(b.id());
            if (s == null) continue;  // a bot the engine has not loaded risk for; it gets its row at the next start
            BotLimits l = book.limits(b.id());
            BigDecimal peak = b.state().peakEquity();
            if (!s.drawdownLatched() && reached(drawdownFloors, b.id(), e, peak, l.drawdown())) {
                c.put(s = s.withDrawdown(true));
                c.breaker(b.id(), ReasonCode.DRAWDOWN_BREAKER, "equity " + money(e) + " is " + pct(l.drawdown())
                        + " or more below its peak " + money(peak), json("equity", e, "peak", peak, "limit", l.drawdown()));
            }
            if (!s.dailyLossLatched() && reached(dayFloors, b.id(), e, s.dayOpenEquity(), l.dailyLoss())) {
                c.put(s.withDailyLoss(true));
                c.breaker(b.id(), ReasonCode.DAILY_LOSS_LIMIT, "equity " + money(e) + " lost " + pct(l.dailyLoss())
                        + " or more of the day's opening " + money(s.dayOpenEquity()),
                        json("equity", e, "dayOpen", s.dayOpenEquity(), "limit", l.dailyLoss()));
            }
        }
        RiskState f = c.current(FLEET);
        PortfolioLimits p = book.portfolio();
        if (now % HOUR == 0 && total.compareTo(f.peakEquity()) > 0) c.put(f = f.withPeak(total));
        if (!f.dailyLossLatched() && reached(dayFloors, FLEET, total, f.dayOpenEquity(), p.fleetDailyLoss())) {
            c.put(f = f.withDailyLoss(true));
            c.breaker(null, ReasonCode.FLEET_DAILY_LOSS, "aggregate equity " + money(total) + " lost "
                    + pct(p.fleetDailyLoss()) + " or more of the day's opening " + money(f.dayOpenEquity()),
                    json("equity", total, "dayOpen", f.dayOpenEquity(), "limit", p.fleetDailyLoss()));
        }
        if (!f.drawdownLatched() && reached(drawdownFloors, FLEET, total, f.peakEquity(), p.portfolioDrawdown())) {
            c.put(f.withDrawdown(true));
            c.breaker(null, ReasonCode.PORTFOLIO_DRAWDOWN, "aggregate equity " + money(total) + " is "
                    + pct(p.portfolioDrawdown()) + " or more below its peak " + money(f.peakEquity()),
                    json("equity", total, "peak", f.peakEquity(), "limit", p.portfolioDrawdown()));
        }
        book.commit(c, events);
    }

    /** True when equity has lost {@code share} or more of {@code reference}: at the limit counts as reached. */
    static boolean reached(BigDecimal equity, BigDecimal reference, BigDecimal share) {
        return reference != null && reference.signum() > 0
                && equity.compareTo(reference.multiply(BigDecimal.ONE.subtract(share))) <= 0;
    }

    /** {@link #reached(BigDecimal, BigDecimal, BigDecimal)} with the floor of {@code scope} kept in {@code floors}. */
    private static boolean reached(Map<String, Floor> floors, String scope, BigDecimal equity, BigDecimal reference,
                                   BigDecimal share) {
        if (reference == null || reference.signum() <= 0) return false;
        Floor f = floors.get(scope);
        if (f == null || !f.of(reference, share)) {
            f = new Floor(reference, share, reference.multiply(BigDecimal.ONE.subtract(share)));
            floors.put(scope, f);
        }
        return equity.compareTo(f.value()) <= 0;
    }

    /**
     * At the first moment of a new UTC day: every row takes the equity of that moment as its day's opening and
     * the daily latches lift. Earlier than 00:00 nothing lifts, however the equity has recovered.
     */
    void rollover(Collection<BotBook> bots, long now, List<EngineEvent> events) {
        long day = Math.floorDiv(now, TradeCounters.DAY);
        if (book.fleet().day() >= day) return;
        RiskBook.Changes c = book.begin(now, "new UTC day");
        BigDecimal total = BigDecimal.ZERO;
        for (BotBook b : bots) {
            BigDecimal e = b.equity();
            total = total.add(e);
            RiskState s = c.current(b.id());
            if (s != null && s.day() < day) c.put(s.newDay(day, e));
        }
        c.put(book.fleet().newDay(day, total));
        book.commit(c, events);
    }

    /**
     * Lifts a bot's drawdown latch; its peak starts again from its equity now, or the breaker would fire again.
     * Returns the bot's state with that peak, committed with the latch, for the engine to take; null when not latched.
     */
    BotState reset(BotBook bot, long now, List<EngineEvent> events) {
        RiskBook.Changes c = book.begin(now, "reset by the operator");
        RiskState s = c.current(bot.id());
        if (!s.drawdownLatched()) return null;
        c.put(s.withDrawdown(false));
        BotState rebased = bot.state().withPeak(bot.equity());
        c.also(tx -> tx.botState(rebased), () -> { });
        book.commit(c, events);
        return rebased;
    }

    /** Lifts the portfolio drawdown latch; the aggregate peak starts again from the equity now. */
    boolean resetPortfolio(Collection<BotBook> bots, long now, List<EngineEvent> events) {
        RiskState f = book.fleet();
        if (!f.drawdownLatched()) return false;
        BigDecimal total = BigDecimal.ZERO;
        for (BotBook b : bots) total = total.add(b.equity());
        RiskBook.Changes c = book.begin(now, "reset by the operator");
        c.put(f.withDrawdown(false).withPeak(total));
        book.commit(c, events);
        return true;
    }
}
