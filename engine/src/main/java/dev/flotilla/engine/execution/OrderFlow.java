package dev.flotilla.engine.execution;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order discipline: every order is committed as PENDING before it is sent; the broker's answer, the
 * fill, the position and the account are then committed together with the rest of the tick; only then do the
 * in-memory bots change and events go out. A crash between any two steps leaves PENDING orders that the next
 * start resolves by asking the broker, never by sending again.
 */
public final class OrderFlow {

    private final Store store;
    private final Broker broker;

    public OrderFlow(Store store, Broker broker) {
        this.store = store;
        this.broker = broker;
    }

    /** The client order id of a bot's n-th order: deterministic, so a replay can never invent a second one. */
    public static String clientOrderId(String botId, long seq) {
        return botId + "-" + String.format("%06d", seq);
    }

    /**
     * Sends the intents and commits their results with {@code alsoCommit} in one transaction.
     *
     * @param tickClose the candle close that made the intents, or null for the price loop
     * @param events    receives the events to publish once everything is committed
     * @param committed receives each bot's books as each commit leaves them: the engine's bots take them from there
     * @return the results committed, one per intent in order
     */
    public List<Result> execute(List<Intent> intents, long now, Long tickClose, Consumer<Tx> alsoCommit, List<EngineEvent> events,
                        Consumer<BotBook> committed) {
        List<Order> orders = new ArrayList<>();
        List<Intent> numbered = new ArrayList<>();
        for (Intent in : intents) {
            BotBook bot = in.bot().withState(in.bot().state().nextOrder());
            numbered.add(new Intent(bot, in.side(), in.qty(), in.refPrice(), in.purpose(), in.reason(), in.stopPrice(),
                    in.sizing()));
            orders.add(new Order(clientOrderId(bot.id(), bot.state().orderSeq()), bot.id(), bot.symbol(),
                    in.side(), in.qty(), in.refPrice(), in.stopPrice(), in.purpose(), OrderStatus.PENDING, tickClose, now, now, in.reason()));
        }
        if (!orders.isEmpty()) {
            store.write(tx -> {
                for (int i = 0; i < orders.size(); i++) {
                    tx.insertOrder(orders.get(i));
                    if (numbered.get(i).sizing() != null) tx.orderSizing(orders.get(i).clientOrderId(), numbered.get(i).sizing());
                    tx.botState(numbered.get(i).bot().state());
                }
            });
            for (int i = 0; i < orders.size(); i++) {
                committed.accept(numbered.get(i).bot());  // the order number is taken even if what follows fails
                Order o = orders.get(i);
                events.add(new OrderEvent.OrderSubmitted(now, o.botId(), o.clientOrderId(), o.symbol().toString(),
                        o.side(), o.qty(), o.purpose()));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            BrokerReply reply = broker.submit(new OrderRequest(o.clientOrderId(), o.botId(), o.symbol(), o.side(),
                    o.qty(), o.refPrice(), now));
            results.add(new Result(numbered.get(i), o, reply));
        }
        long[] positionIds = new long[results.size()];
        store.write(tx -> {
            for (int i = 0; i < results.size(); i++) positionIds[i] = commit(tx, results.get(i), now);
            alsoCommit.accept(tx);
        });
        for (int i = 0; i < results.size(); i++) committed.accept(apply(results.get(i), positionIds[i], now, events));
        return results;
    }

    /** Records the broker's answer to an order that was PENDING; returns the new position's id for an entry. */
    public static long commit(Tx tx, Result r, long now) {
        Order o = r.order();
        switch (r.reply()) {
            case BrokerReply.Rejected rej -> {
                tx.updateOrder(o.withStatus(OrderStatus.REJECTED, now, rej.reason()));
                return 0;
            }
            case BrokerReply.Filled filled -> {
                Fill f = filled.fill();
                BotBook bot = r.intent().bot();
                tx.insertFill(f);
                tx.updateOrder(o.withStatus(OrderStatus.FILLED, now, o.reason()));
                tx.account(Ledger.apply(bot.account(), f, bot.position()));
                if (f.side() == Side.BUY) {
                    return tx.openPosition(opened(r, f, 0));
                }
                Position p = bot.position();
                tx.closePosition(p.id(), f.price(), f.fee(), o.purpose(), Ledger.netPnl(p, f), f.filledAt(), o.clientOrderId());
                return 0;
            }
        }
    }

    /** The bot's books once the result is committed, and its events. */
    public static BotBook apply(Result r, long positionId, long now, List<EngineEvent> events) {
        Order o = r.order();
        BotBook bot = r.intent().bot();
        switch (r.reply()) {
            case BrokerReply.Rejected rej -> {
                events.add(new OrderEvent.OrderRejected(now, o.botId(), o.clientOrderId(), rej.reason()));
                return bot;
            }
            case BrokerReply.Filled filled -> {
                Fill f = filled.fill();
                Position before = bot.position();
                BotBook after = bot.withAccount(Ledger.apply(bot.account(), f, before)).withMark(f.price());
                events.add(new OrderEvent.OrderFilled(f.filledAt(), f.botId(), f.clientOrderId(), f.symbol().toString(),
                        f.side(), f.qty(), f.price(), f.fee()));
                if (f.side() == Side.BUY) {
                    Position p = opened(r, f, positionId);
                    events.add(new PositionEvent.PositionOpened(f.filledAt(), f.botId(), f.symbol().toString(), f.qty(),
                            f.price(), p.stopPrice()));
                    return after.withPosition(p);
                }
                events.add(new PositionEvent.PositionClosed(f.filledAt(), f.botId(), f.symbol().toString(), f.qty(),
                        f.price(), Ledger.netPnl(before, f), o.purpose()));
                return after.withPosition(null);
            }
        }
    }

    private static Position opened(Result r, Fill f, long id) {
        return new Position(id, f.botId(), f.symbol(), f.qty(), f.price(), f.fee(), r.order().stopPrice(), f.price(),
                f.filledAt(), f.clientOrderId());
    }

    /** An order with the broker's answer. */
    public record Result(Intent intent, Order order, BrokerReply reply) {
    }
}
