package dev.flotilla.engine.command;

import dev.flotilla.engine.api.ClosePlan;
import dev.flotilla.engine.api.CloseResult;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.TradingState;
import dev.flotilla.engine.risk.Review;
import dev.flotilla.engine.risk.RiskGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing positions by hand: a plan of the open positions of some bots or of a symbol, and then exactly those sold at
 * market with the purpose MANUAL, by the same sells as halt and flatten ({@link Flattener#sell}). Both steps run on the
 * engine's thread. A manual close passes a HALTED gateway (the operator's own order); it is refused while reconciliation
 * holds the fleet, since the books it would sell from are then in doubt.
 */
final class ManualClose {

    private static final Logger log = LoggerFactory.getLogger(ManualClose.class);
    static final String REASON = "operator: manual close";

    private final EngineCalls engine;
    private final Fleet fleet;
    private final RiskGateway gateway;
    private final Flattener seller;
    private final Supplier<String> reconciliationHalt;

    ManualClose(EngineCalls engine, Fleet fleet, RiskGateway gateway, Flattener seller, Supplier<String> reconciliationHalt) {
        this.engine = engine;
        this.fleet = fleet;
        this.gateway = gateway;
        this.seller = seller;
        this.reconciliationHalt = reconciliationHalt;
    }

    CompletableFuture<ClosePlan> planBots(List<String> botIds) {
        List<String> ids = List.copyOf(botIds);
        ids.forEach(fleet::bot);
        String what = ids.size() == 1 ? "the position of bot " + ids.getFirst() : "the positions of bots " + String.join(", ", ids);
        return engine.call(() -> plan(what, b -> ids.contains(b.id())));
    }

    CompletableFuture<ClosePlan> planSymbol(String symbol) {
        Symbol s = Symbol.parse(symbol);
        return engine.call(() -> plan("every position in " + s, b -> b.spec().symbol().equals(s)));
    }

    private ClosePlan plan(String what, Predicate<BotRuntime> whose) {
        refuseWhileReconciling();
        List<ClosePlan.Line> lines = new ArrayList<>();
        List<String> running = new ArrayList<>();
        boolean botHalted = false;
        for (BotRuntime b : fleet.bots()) {
            Position p = b.position();
            if (p == null || !whose.test(b)) continue;
            BigDecimal mark = b.mark();
            lines.add(new ClosePlan.Line(p.id(), b.id(), p.symbol().toString(), p.qty(), p.entryPrice(), mark,
                    mark == null ? null : b.unrealized(), b.running()));
            if (b.running()) running.add(b.id());
            botHalted |= gateway.botState(b.id()) == TradingState.HALTED;
        }
        List<String> notes = new ArrayList<>();
        if (!lines.isEmpty() && (gateway.killSwitch() || botHalted)) {
            notes.add((gateway.killSwitch() ? "The kill switch is on (the fleet is HALTED)" : "A bot here is HALTED by its drawdown breaker")
                    + ": a manual close is your own order and is sent all the same; nothing automated is.");
        }
        if (!running.isEmpty()) {
            notes.add("Still running, so may enter again at the next signal: " + String.join(", ", running)
                    + ". Stop a bot to keep it flat.");
        }
        return new ClosePlan(what, engine.snapshot().mode(), lines, notes);
    }

    CompletableFuture<CloseResult> close(ClosePlan plan) {
        List<ClosePlan.Line> asked = List.copyOf(plan.positions());
        return engine.call(() -> {
            refuseWhileReconciling();
            List<String> notClosed = new ArrayList<>();
            List<BotRuntime> held = new ArrayList<>();
            for (ClosePlan.Line l : asked) {
                BotRuntime b = fleet.botMap().get(l.botId());
                Position p = b == null ? null : b.position();
                if (p == null || p.id() != l.positionId()) notClosed.add(l.botId() + ": position " + l.positionId() + " is no longer open");
                else if (p.qty().compareTo(l.qty()) != 0) notClosed.add(l.botId() + ": position " + l.positionId() + " changed size since");
                else held.add(b);
            }
            List<EngineEvent> events = new ArrayList<>();
            List<String> closed = new ArrayList<>();
            try {
                if (!held.isEmpty()) sell(held, events, closed, notClosed);
            } finally {
                engine.publish(events);
                engine.refresh();
            }
            log.warn("manual close of {}: {}", plan.what(), new CloseResult(closed, notClosed).summary());
            return new CloseResult(closed, notClosed);
        });
    }

    private void sell(List<BotRuntime> held, List<EngineEvent> events, List<String> closed, List<String> notClosed) {
        Map<Symbol, BigDecimal> prices;
        try {
            prices = seller.prices(held);
        } catch (RuntimeException e) {
            held.forEach(b -> notClosed.add(b.id() + ": no price from the market (" + e.getMessage() + "); nothing was sent"));
            return;
        }
        List<Review> reviews = seller.sell(held, prices, Intent.MANUAL, REASON, engine.now(), events);
        for (BotRuntime b : held) {
            Review r = reviews.stream().filter(v -> v.asked().botId().equals(b.id())).findFirst().orElse(null);
            if (r == null) notClosed.add(b.id() + ": no price for " + b.spec().symbol() + "; nothing was sent");
            else if (!r.passed()) notClosed.add(b.id() + ": refused by the risk gateway, " + r.code() + ": " + r.detail());
            else closed.addAll(outcome(b.id(), events, notClosed));
        }
    }

    /** The fill of a bot's sell, from the events the order flow left, or the broker's rejection. */
    private static List<String> outcome(String botId, List<EngineEvent> events, List<String> notClosed) {
        for (EngineEvent e : events) {
            if (e instanceof PositionEvent.PositionClosed c && botId.equals(c.botId())) {
                BigDecimal pnl = c.realizedPnl().setScale(2, RoundingMode.HALF_EVEN);
                return List.of(botId + ": sold " + c.qty().stripTrailingZeros().toPlainString() + " " + c.symbol() + " at "
                        + c.exitPrice().stripTrailingZeros().toPlainString() + ", PnL " + (pnl.signum() > 0 ? "+" : "")
                        + pnl.toPlainString() + " USDT");
            }
            if (e instanceof OrderEvent.OrderRejected r && botId.equals(r.botId())) {
                notClosed.add(botId + ": rejected by the broker, " + r.reason());
                return List.of();
            }
        }
        notClosed.add(botId + ": no answer from the broker");
        return List.of();
    }

    private void refuseWhileReconciling() {
        String halt = reconciliationHalt.get();
        if (halt != null) {
            throw new IllegalStateException("the books and the broker disagree (" + halt + "): decide the reconciliation first; nothing was sent");
        }
    }
}
