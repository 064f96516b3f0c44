package dev.flotilla.engine.risk;

import static dev.flotilla.engine.risk.Numbers.json;
import static dev.flotilla.engine.risk.Numbers.money;
import static dev.flotilla.engine.risk.Numbers.pct;
import static dev.flotilla.engine.risk.Verdict.pass;
import static dev.flotilla.engine.risk.Verdict.refuse;

import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of one intent, in a fixed order: trading states and brakes first, then the bot's own limits, then
 * the sizers, then the portfolio. A limit counts as broken when it is reached, so at the limit is refused and
 * just inside passes. Exits are checked only for HALTED and the price collar: nothing else may keep a position open.
 */
final class Checks {

    private static final Logger log = LoggerFactory.getLogger(Checks.class);

    private final RiskBook book;
    private final PriceBook prices;
    private final TradeCounters counters;
    private final CorrelationSizer correlation;

    Checks(RiskBook book, PriceBook prices, TradeCounters counters, CorrelationSizer correlation) {
        this.book = book;
        this.prices = prices;
        this.counters = counters;
        this.correlation = correlation;
    }

    Verdict exit(Intent in) {
        if (RiskGateway.FLATTEN.equals(in.purpose())) return pass(in);  // the operator's own order
        Verdict v = halted(in);
        if (v == null) v = collar(in);
        return v != null ? v : pass(in);
    }

    /** @param opening another entry of the same bot is approved and not yet settled */
    Verdict entry(Intent in, Exposure x, boolean opening, long now) {
        Verdict v = halted(in);
        if (v != null) return v;
        BotRuntime bot = in.bot();
        RiskState f = book.fleet();
        RiskState s = book.bot(bot.id());
        PortfolioLimits p = book.portfolio();
        BotLimits l = book.limits(bot.id());
        if (f.drawdownLatched() || Breakers.reached(x.equity(), f.peakEquity(), p.portfolioDrawdown())) {
            return refuse(ReasonCode.PORTFOLIO_DRAWDOWN, "the fleet is REDUCING: aggregate equity " + money(x.equity())
                    + " against its peak " + money(f.peakEquity()), json("equity", x.equity(), "peak", f.peakEquity(),
                    "limit", p.portfolioDrawdown()));
        }
        if (f.dailyLossLatched() || Breakers.reached(x.equity(), f.dayOpenEquity(), p.fleetDailyLoss())) {
            return refuse(ReasonCode.FLEET_DAILY_LOSS, "the fleet is REDUCING: aggregate equity " + money(x.equity())
                    + " against the day's opening " + money(f.dayOpenEquity()), json("equity", x.equity(),
                    "dayOpen", f.dayOpenEquity(), "limit", p.fleetDailyLoss()));
        }
        BigDecimal equity = bot.equity();
        if (s.dailyLossLatched() || Breakers.reached(equity, s.dayOpenEquity(), l.dailyLoss())) {
            return refuse(ReasonCode.DAILY_LOSS_LIMIT, "equity " + money(equity) + " against the day's opening "
                    + money(s.dayOpenEquity()) + " (limit " + pct(l.dailyLoss()) + "); entries resume at 00:00 UTC",
                    json("equity", equity, "dayOpen", s.dayOpenEquity(), "limit", l.dailyLoss()));
        }
        if (bot.position() != null || opening) {
            return refuse(ReasonCode.POSITION_OPEN, "the bot already holds or is opening a position", json("open", 1));
        }
        BigDecimal ref = in.refPrice();
        if (in.stopPrice() == null || in.stopPrice().compareTo(ref) >= 0) {
            return refuse(ReasonCode.NO_STOP_LOSS, "the entry has no stop below its price " + ref.toPlainString(),
                    json("price", ref, "stop", in.stopPrice() == null ? "none" : in.stopPrice()));
        }
        v = collar(in);
        if (v != null) return v;
        TradeCounters.Counts n = counters.of(bot.id(), now);
        if (n.tradesToday() >= l.maxTradesPerDay()) {
            return refuse(ReasonCode.MAX_TRADES_PER_DAY, n.tradesToday() + " entries today; the limit is "
                    + l.maxTradesPerDay(), json("tradesToday", n.tradesToday(), "limit", l.maxTradesPerDay()));
        }
        return sized(in, x, l, p, n);
    }

    private Verdict sized(Intent in, Exposure x, BotLimits l, PortfolioLimits p, TradeCounters.Counts n) {
        BotRuntime bot = in.bot();
        Symbol sym = bot.spec().symbol();
        BigDecimal ref = in.refPrice();
        BigDecimal cool = Cooldown.factor(n.lossesInARow(), l.cooldownAfter());
        CorrelationSizer.Result corr = correlation.size(sym, x.bySymbol());
        BigDecimal share = cool.multiply(corr.factor());
        BigDecimal qty = share.compareTo(BigDecimal.ONE) == 0 ? in.qty()
                : in.qty().multiply(share).setScale(Math.max(in.qty().scale(), 6), RoundingMode.DOWN);
        String why = sizing(cool, n.lossesInARow(), corr);
        if (qty.signum() <= 0) {
            return refuse(ReasonCode.SIZE_TOO_SMALL, "nothing left of " + in.qty().toPlainString() + why,
                    json("intended", in.qty(), "share", share));
        }
        BigDecimal value = qty.multiply(ref);
        BigDecimal maxPosition = l.maxPosition().multiply(bot.spec().capital());
        if (value.compareTo(maxPosition) >= 0) {
            return refuse(ReasonCode.MAX_POSITION, "position " + money(value) + " would reach " + pct(l.maxPosition())
                    + " of the bot's capital (" + money(maxPosition) + ")", json("value", value, "limit", maxPosition));
        }
        if (value.compareTo(p.maxOrderValue()) >= 0) {
            return refuse(ReasonCode.MAX_ORDER_VALUE, "order value " + money(value) + " would reach the maximum "
                    + money(p.maxOrderValue()), json("value", value, "limit", p.maxOrderValue()));
        }
        BigDecimal inSymbol = x.of(sym).add(value);
        if (inSymbol.compareTo(p.maxSymbolValue(sym)) >= 0) {
            return refuse(ReasonCode.MAX_SYMBOL_VALUE, sym + " position " + money(x.of(sym)) + " + order " + money(value)
                    + " would reach the maximum " + money(p.maxSymbolValue(sym)), json("held", x.of(sym), "value", value,
                    "limit", p.maxSymbolValue(sym)));
        }
        BigDecimal maxAsset = p.maxAsset().multiply(x.capital());
        if (inSymbol.compareTo(maxAsset) >= 0) {
            return refuse(ReasonCode.ASSET_CONCENTRATION, sym + " exposure " + money(x.of(sym)) + " + order " + money(value)
                    + " would reach " + pct(p.maxAsset()) + " of aggregate capital (" + money(maxAsset) + ")",
                    json("held", x.of(sym), "value", value, "capital", x.capital(), "limit", p.maxAsset()));
        }
        BigDecimal maxTotal = p.maxExposure().multiply(x.capital());
        if (x.total().add(value).compareTo(maxTotal) >= 0) {
            return refuse(ReasonCode.EXPOSURE_LIMIT, "exposure " + money(x.total()) + " + order " + money(value)
                    + " would reach " + pct(p.maxExposure()) + " of aggregate capital (" + money(maxTotal) + ")",
                    json("held", x.total(), "value", value, "capital", x.capital(), "limit", p.maxExposure()));
        }
        BigDecimal stop = in.stopPrice().max(ExitRules.widestStop(ref, l));
        String inputs = inputs(in, l, p, n, cool, corr, x, qty);
        log.debug("bot {}: entry sized {}", bot.id(), inputs);
        return pass(new Intent(bot, Side.BUY, qty, ref, in.purpose(), in.reason() + why, stop, inputs));
    }

    /** Everything that sized an entry, as JSON: stored with its order, so a restart can be held to the same inputs. */
    private static String inputs(Intent in, BotLimits l, PortfolioLimits p, TradeCounters.Counts n, BigDecimal cool,
                                 CorrelationSizer.Result corr, Exposure x, BigDecimal qty) {
        BotRuntime bot = in.bot();
        BigDecimal cap = l.maxPosition().multiply(bot.spec().capital()).min(p.maxOrderValue());
        String sizing = json("cash", bot.account().cash(), "cap", cap, "price", in.refPrice(), "intended", in.qty(),
                "lossesInARow", n.lossesInARow(), "cooldown", cool, "correlation",
                Double.isNaN(corr.correlation()) ? "none" : corr.correlation(), "returns", corr.returns(),
                "correlationFactor", corr.factor(), "qty", qty);
        StringBuilder held = new StringBuilder(sizing.substring(0, sizing.length() - 1)).append(",\"held\":{");
        x.bySymbol().forEach((s, v) -> held.append(held.charAt(held.length() - 1) == '{' ? "" : ",")
                .append('"').append(s).append("\":").append(v.stripTrailingZeros().toPlainString()));
        return held.append("}}").toString();
    }

    private static String sizing(BigDecimal cool, int losses, CorrelationSizer.Result corr) {
        StringBuilder sb = new StringBuilder();
        if (cool.compareTo(BigDecimal.ONE) < 0) sb.append("; size x").append(LimitRule.plain(cool).toPlainString()).append(" after ")
                .append(losses).append(" losses in a row");
        if (corr.factor().compareTo(BigDecimal.ONE) < 0) sb.append("; size x").append(LimitRule.plain(corr.factor()).toPlainString())
                .append(" for correlation ").append(String.format("%.2f", corr.correlation())).append(" with held exposure");
        return sb.toString();
    }

    /** The kill switch and a bot's drawdown breaker stop every automated order, exits too. */
    private Verdict halted(Intent in) {
        if (book.killSwitch()) {
            return refuse(ReasonCode.KILL_SWITCH, "the kill switch is on: the fleet is HALTED", json("state", "HALTED"));
        }
        BotRuntime bot = in.bot();
        BotLimits l = book.limits(bot.id());
        BigDecimal peak = bot.state().peakEquity();
        if (book.bot(bot.id()).drawdownLatched() || Breakers.reached(bot.equity(), peak, l.drawdown())) {
            return refuse(ReasonCode.DRAWDOWN_BREAKER, "the bot is HALTED by its drawdown breaker: equity "
                    + money(bot.equity()) + ", peak " + money(peak) + "; an operator resets it",
                    json("equity", bot.equity(), "peak", peak, "limit", l.drawdown()));
        }
        return null;
    }

    private Verdict collar(Intent in) {
        BigDecimal last = prices.last(in.bot().spec().symbol());
        if (last == null) return null;  // no price seen yet since the start: nothing to compare with
        BigDecimal limit = book.portfolio().priceCollar();
        BigDecimal off = in.refPrice().subtract(last).abs().divide(last, MathContext.DECIMAL64);
        if (off.compareTo(limit) < 0) return null;
        return refuse(ReasonCode.PRICE_COLLAR, "price " + in.refPrice().toPlainString() + " is " + pct(off)
                + " from the last trade price " + last.toPlainString() + " (collar " + pct(limit) + ")",
                json("price", in.refPrice(), "last", last, "off", off.setScale(6, RoundingMode.HALF_EVEN), "limit", limit));
    }
}
