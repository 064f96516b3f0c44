package dev.flotilla.engine.loop;

import dev.flotilla.engine.event.AccountEvent;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.event.SystemEvent;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per meaningful engine event, with the bot id, written before the event is published. A backtest's
 * events, at times long past, go to a logger of their own (flotilla.backtest.events, errors only by default), so they
 * never read as the live fleet's.
 */
public final class EventLog {

    public static final EventLog LIVE = new EventLog("flotilla.events");
    public static final EventLog BACKTEST = new EventLog("flotilla.backtest.events");

    private final Logger log;

    private EventLog(String name) {
        this.log = LoggerFactory.getLogger(name);
    }

    public void write(EngineEvent e) {
        // a backtest's logger takes errors only: its thousands of fills and ticks are not even formatted
        if (!log.isWarnEnabled() && !(e instanceof BotEvent.BotError)) return;
        At at = new At(e.time());  // formatted only when the line is written: most events are debug lines
        switch (e) {
            case BotEvent.TickCompleted t -> log.debug("{} {} {} close={}", at, e.type(), e.botId(), t.candleClose());
            case BotEvent.SignalGenerated s -> log.debug("{} {} {} {} {}", at, e.type(), e.botId(), s.signal(), s.reason());
            case BotEvent.BotError b -> log.error("{} {} {} {}", at, e.type(), e.botId(), b.cause());
            case BotEvent.ParamsChanged p -> log.info("{} {} {} {} by {}: {}", at, e.type(), e.botId(), p.kind(), p.source(),
                    String.join(", ", dev.flotilla.engine.model.ParamChange.lines(p.oldValues(), p.newValues())));
            case BotEvent be -> log.info("{} {} {}", at, be.type(), be.botId());
            case OrderEvent.OrderSubmitted o -> log.info("{} {} {} {} {} {} {} ({})", at, e.type(), e.botId(),
                    o.clientOrderId(), o.side(), o.qty().toPlainString(), o.symbol(), o.purpose());
            case OrderEvent.OrderFilled o -> log.info("{} {} {} {} {} {} {} @ {} fee {}", at, e.type(), e.botId(),
                    o.clientOrderId(), o.side(), o.qty().toPlainString(), o.symbol(), o.price().toPlainString(),
                    o.fee().toPlainString());
            case OrderEvent.OrderRejected o -> log.warn("{} {} {} {} {}", at, e.type(), e.botId(), o.clientOrderId(), o.reason());
            case PositionEvent.PositionOpened p -> log.info("{} {} {} {} {} @ {} stop {}", at, e.type(), e.botId(),
                    p.symbol(), p.qty().toPlainString(), p.entryPrice().toPlainString(), p.stopPrice().toPlainString());
            case PositionEvent.PositionClosed p -> log.info("{} {} {} {} @ {} pnl {} ({})", at, e.type(), e.botId(),
                    p.symbol(), p.exitPrice().toPlainString(), p.realizedPnl().toPlainString(), p.exitReason());
            case RiskEvent.RiskRejected r -> log.info("{} {} {} {} {}", at, e.type(), e.botId(), r.code(), r.detail());
            case RiskEvent.CircuitBreakerFired c -> log.warn("{} {} {} {} {}", at, e.type(), who(e), c.breaker(), c.detail());
            case RiskEvent.TradingStateChanged t -> log.warn("{} {} {} {} -> {}: {}", at, e.type(), who(e), t.from(), t.to(),
                    t.reason());
            case AccountEvent.EquitySnapshot s -> log.debug("{} {} {} {}", at, e.type(), e.botId(), new Plain(s.equity()));
            case SystemEvent s -> log.warn("{} {} {} {}", at, e.type(), e.botId(), s);
        }
    }

    /** An engine time as the log shows it (ISO-8601), worked out only when the line is written. */
    private record At(long time) {
        @Override
        public String toString() {
            return Instant.ofEpochMilli(time).toString();
        }
    }

    /** A decimal in plain notation, worked out only when the line is written. */
    private record Plain(java.math.BigDecimal value) {
        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** A fleet-wide event has no bot id; the log says so. */
    private static String who(EngineEvent e) {
        return e.botId() == null ? "fleet" : e.botId();
    }
}
