package dev.flotilla.engine.loop;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.FeedBars;
import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.ExitRules;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed's candle close: fetch the new candles once, evaluate every running bot on the feed against the
 * same bars, pass what they decide through the risk gateway, send what it approves, and commit it all with the
 * bots' tick marks before anything is told.
 */
public final class TickProcessor {

    private static final Logger log = LoggerFactory.getLogger(TickProcessor.class);

    private final MarketData market;
    private final Pipeline pipeline;
    private final RiskGateway risk;

    public TickProcessor(MarketData market, Pipeline pipeline, RiskGateway risk) {
        this.market = market;
        this.pipeline = pipeline;
        this.risk = risk;
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
            pipeline.run(List.of(), now, close, (tx, none) -> {
                tx.candles(book.feed(), fresh);
                alsoCommit.accept(tx);
            }, events);
            return new MarketDataException("the candle closing at " + close + " is missing");
        }
        FeedBars series = book.bars();  // grown and primed by the append above
        BigDecimal closePrice = book.lastClose();
        List<Intent> intents = new ArrayList<>();
        Map<String, Position> moved = new HashMap<>();
        List<BotRuntime> ticked = new ArrayList<>();
        Map<BotRuntime, String> failed = new LinkedHashMap<>();
        for (BotRuntime bot : bots) {
            try {
                decide(bot, series, last, closePrice, now, intents, moved, events);
                ticked.add(bot);
            } catch (RuntimeException e) {
                failed.put(bot, e.getClass().getSimpleName() + ": " + e.getMessage());
                log.error("bot {}: tick at close {} failed; the bot is stopped in ERROR", bot.id(), close, e);
            }
        }
        Map<String, BotState> states = new HashMap<>();  // each bot's state as committed, for memory to take
        failed.forEach((bot, why) -> states.put(bot.id(), bot.state().withStatus(BotStatus.ERROR, why)));
        pipeline.run(intents, now, close, (tx, approved) -> {
            tx.candles(book.feed(), fresh);
            Set<String> exiting = new HashSet<>();
            for (Intent in : approved) if (!in.entry()) exiting.add(in.botId());
            for (Position p : moved.values()) if (!exiting.contains(p.botId())) tx.updatePosition(p);
            for (BotRuntime bot : ticked) states.put(bot.id(), bot.book().ticked(close, now, closePrice));
            states.values().forEach(tx::botState);
            alsoCommit.accept(tx);
        }, events);
        for (BotRuntime bot : ticked) {
            BotBook b = bot.book();
            Position p = moved.get(bot.id());
            if (p != null && b.position() != null && b.position().id() == p.id()) b = b.withPosition(p);
            bot.update(b.withState(states.get(bot.id())).withMark(closePrice));  // the state as committed
            events.add(new BotEvent.TickCompleted(now, bot.id(), close));
        }
        failed.forEach((bot, why) -> {
            bot.update(bot.book().withState(states.get(bot.id())));
            events.add(new BotEvent.BotError(now, bot.id(), why));
        });
        return null;
    }

    private void decide(BotRuntime bot, FeedBars series, Candle last, BigDecimal closePrice, long now,
                        List<Intent> intents, Map<String, Position> moved, List<EngineEvent> events) {
        Position p = bot.position();
        if (p != null) {
            BotLimits limits = risk.limits(bot.id());
            BigDecimal high = BigDecimal.valueOf(last.high()).max(p.highestPrice());
            OpenPosition view = new OpenPosition(p.entryPrice().doubleValue(), p.openedAt(), high.doubleValue(),
                    p.stopPrice().doubleValue());
            Decision d = series.evaluate(bot.id(), view);
            Position updated = ExitRules.moved(p, high, closePrice, d.stopPrice(), limits);
            if (!updated.equals(p)) moved.put(bot.id(), updated);
            ExitRules.Exit exit = ExitRules.at(updated, closePrice, limits, "close");
            if (exit != null) {
                intents.add(new Intent(bot.book(), Side.SELL, p.qty(), closePrice, exit.purpose(), exit.reason(), null));
            } else if (d.signal() == Signal.EXIT) {
                events.add(new BotEvent.SignalGenerated(now, bot.id(), Signal.EXIT, d.reason()));
                intents.add(new Intent(bot.book(), Side.SELL, p.qty(), closePrice, "EXIT", d.reason(), null));
            }
            return;
        }
        Decision d = series.evaluate(bot.id(), null);
        if (d.signal() != Signal.ENTER) return;
        events.add(new BotEvent.SignalGenerated(now, bot.id(), Signal.ENTER, d.reason()));
        BigDecimal qty = risk.entryQty(bot.book(), closePrice);
        if (qty.signum() <= 0) {
            log.info("bot {}: entry signal ignored, cash {} too small", bot.id(), bot.account().cash().toPlainString());
            return;
        }
        intents.add(new Intent(bot.book(), Side.BUY, qty, closePrice, "ENTRY", d.reason(),
                risk.entryStop(bot.id(), closePrice, d.stopPrice())));
    }
}
