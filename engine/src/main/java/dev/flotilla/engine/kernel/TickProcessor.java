package dev.flotilla.engine.kernel;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.FeedBars;
import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Signal;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.ExitRules;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.strategy.Decision;
import dev.flotilla.engine.strategy.OpenPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed's candle close: fetch the new candles once, evaluate every running bot on the feed against the
 * same bars, pass what they decide through the risk gateway, send what it approves, and commit it all with the
 * bots' tick marks before anything is told.
 */
final class TickProcessor {

    private static final Logger log = LoggerFactory.getLogger(TickProcessor.class);

    private final MarketData market;
    private final OrderFlow orders;
    private final RiskGateway risk;
    private final EngineConfig config;
    private final Sizing sizing;

    TickProcessor(MarketData market, OrderFlow orders, RiskGateway risk, EngineConfig config) {
        this.market = market;
        this.orders = orders;
        this.risk = risk;
        this.config = config;
        this.sizing = new Sizing(config);
    }

    /**
     * Runs the tick of candle close {@code close} at engine time {@code now} for the given bots of the feed.
     *
     * @return null, or why the feed's bots could not tick: the market data failed or the closing candle is missing
     */
    RuntimeException run(FeedBook book, List<BotRuntime> bots, long close, long now, List<EngineEvent> events,
             java.util.function.Consumer<dev.flotilla.engine.store.Tx> alsoCommit) {
        List<Candle> fresh;
        try {
            fresh = book.append(market.closedCandles(book.feed(), book.fetchFrom(close), close, 1_000));
        } catch (RuntimeException e) {
            log.warn("feed {}: market data failed at close {}: {}; {} bot(s) skip this tick", book.feed(), close,
                    e.getMessage(), bots.size());
            return e;
        }
        Candle last = book.last();
        if (last == null || last.closeTime(book.feed().timeframe()) != close) {
            log.warn("feed {}: the candle closing at {} is missing; {} bot(s) skip this tick", book.feed(), close, bots.size());
            orders.execute(List.of(), now, close, tx -> {
                tx.candles(book.feed(), fresh);
                alsoCommit.accept(tx);
            }, events);
            return new MarketDataException("the candle closing at " + close + " is missing");
        }
        FeedBars series = book.bars();  // grown and primed by the append above
        BigDecimal closePrice = BigDecimal.valueOf(last.close());
        List<Intent> intents = new ArrayList<>();
        List<Position> moved = new ArrayList<>();
        List<BotRuntime> ticked = new ArrayList<>();
        List<BotRuntime> failed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (BotRuntime bot : bots) {
            try {
                decide(bot, series, last, closePrice, now, intents, moved, events);
                ticked.add(bot);
            } catch (RuntimeException e) {
                failed.add(bot);
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.error("bot {}: tick at close {} failed; the bot is stopped in ERROR", bot.id(), close, e);
            }
        }
        List<Intent> approved = risk.review(intents, now, events);
        try {
            orders.execute(approved, now, close, tx -> {
                tx.candles(book.feed(), fresh);
                for (Position p : moved) {
                    if (!exiting(approved, p.botId())) tx.updatePosition(p);
                }
                for (BotRuntime bot : ticked) tx.botState(ticked(bot, close, now, closePrice));
                for (int i = 0; i < failed.size(); i++) {
                    tx.botState(failed.get(i).state().withStatus(BotStatus.ERROR, failures.get(i)));
                }
                alsoCommit.accept(tx);
            }, events);
        } finally {
            risk.settled(approved);  // a failed send is decided again when the instant is replayed
        }
        for (Position p : moved) {
            BotRuntime bot = byId(bots, p.botId());
            if (bot.position() != null && bot.position().id() == p.id()) bot.position(p);
        }
        for (BotRuntime bot : ticked) {
            bot.state(ticked(bot, close, now, closePrice));
            bot.mark(closePrice);
            events.add(new BotEvent.TickCompleted(now, bot.id(), close));
        }
        for (int i = 0; i < failed.size(); i++) {
            BotRuntime bot = failed.get(i);
            bot.state(bot.state().withStatus(BotStatus.ERROR, failures.get(i)));
            events.add(new BotEvent.BotError(now, bot.id(), failures.get(i)));
        }
        return null;
    }

    /**
     * The bot's state after this tick. The equity peak is taken at the close price before this tick's orders,
     * from committed data only, so a restarted engine computes the same peak.
     */
    static BotState ticked(BotRuntime bot, long close, long now, BigDecimal closePrice) {
        BotState s = bot.state().ticked(close, now);
        Position p = bot.position();
        BigDecimal equity = bot.account().cash().add(p == null ? BigDecimal.ZERO : closePrice.multiply(p.qty()));
        return equity.compareTo(s.peakEquity()) > 0 ? s.withPeak(equity) : s;
    }

    private static boolean exiting(List<Intent> intents, String botId) {
        for (Intent i : intents) if (i.bot().id().equals(botId) && i.side() == Side.SELL) return true;
        return false;
    }

    private static BotRuntime byId(List<BotRuntime> bots, String id) {
        for (BotRuntime b : bots) if (b.id().equals(id)) return b;
        throw new IllegalStateException("no bot " + id);
    }

    private void decide(BotRuntime bot, FeedBars series, Candle last, BigDecimal closePrice, long now,
                        List<Intent> intents, List<Position> moved, List<EngineEvent> events) {
        Position p = bot.position();
        BotLimits limits = risk.limits(bot.id());
        if (p != null) {
            BigDecimal high = BigDecimal.valueOf(last.high()).max(p.highestPrice());
            OpenPosition view = new OpenPosition(p.entryPrice().doubleValue(), p.openedAt(), high.doubleValue(),
                    p.stopPrice().doubleValue());
            Decision d = series.evaluate(bot.id(), view);
            BigDecimal stop = p.stopPrice();
            if (d.hasStop() && d.stopPrice() > stop.doubleValue() && d.stopPrice() < last.close()) {
                stop = BigDecimal.valueOf(d.stopPrice()).setScale(8, RoundingMode.HALF_EVEN);  // stops only tighten
            }
            Position updated = p.withHighest(high).withStop(ExitRules.trail(stop, high, limits));
            if (!updated.equals(p)) moved.add(updated);
            ExitRules.Exit exit = ExitRules.at(updated, closePrice, limits, "close");
            if (exit != null) {
                intents.add(new Intent(bot, Side.SELL, p.qty(), closePrice, exit.purpose(), exit.reason(), null));
            } else if (d.signal() == Signal.EXIT) {
                events.add(new BotEvent.SignalGenerated(now, bot.id(), Signal.EXIT, d.reason()));
                intents.add(new Intent(bot, Side.SELL, p.qty(), closePrice, "EXIT", d.reason(), null));
            }
            return;
        }
        Decision d = series.evaluate(bot.id(), null);
        if (d.signal() != Signal.ENTER) return;
        events.add(new BotEvent.SignalGenerated(now, bot.id(), Signal.ENTER, d.reason()));
        BigDecimal qty = sizing.entryQty(bot.account().cash(), closePrice, risk.entryCap(bot));
        if (qty.signum() <= 0) {
            log.info("bot {}: entry signal ignored, cash {} too small", bot.id(), bot.account().cash().toPlainString());
            return;
        }
        intents.add(new Intent(bot, Side.BUY, qty, closePrice, "ENTRY", d.reason(), sizing.stop(closePrice, d, limits.stopLoss())));
    }
}
