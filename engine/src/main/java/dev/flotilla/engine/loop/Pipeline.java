package dev.flotilla.engine.loop;

import dev.flotilla.engine.ai.AiLevel;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.risk.Review;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.Tx;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one way an intent becomes a trade, for a candle close, the price loop and the operator's flatten alike:
 * the risk gateway reviews it, the AI level (when there is one) has its say on a close's approved entries, the
 * orders left go through the order flow (PENDING, sent, results committed with the caller's own writes and the AI
 * level's records), the gateway is told they settled, and the bots take their committed books.
 */
public final class Pipeline {

    private final RiskGateway risk;
    private final OrderFlow orders;
    private final Fleet fleet;
    private final AiLevel ai;

    public Pipeline(RiskGateway risk, OrderFlow orders, Fleet fleet) {
        this(risk, orders, fleet, AiLevel.OFF);
    }

    public Pipeline(RiskGateway risk, OrderFlow orders, Fleet fleet, AiLevel ai) {
        this.risk = risk;
        this.orders = orders;
        this.fleet = fleet;
        this.ai = ai;
    }

    /**
     * @param tickClose  the candle close that made the intents, or null for the price loop and the operator
     * @param alsoCommit the caller's writes, committed with the orders' results; it is given the intents sent
     * @return the review of every intent, in order
     */
    public List<Review> run(List<Intent> intents, long now, Long tickClose, BiConsumer<Tx, List<Intent>> alsoCommit,
                     List<EngineEvent> events) {
        return run(intents, now, tickClose, alsoCommit, events, false);
    }

    /** As {@link #run}; with {@code onlyWithOrders} nothing is written when no order was approved. */
    public List<Review> run(List<Intent> intents, long now, Long tickClose, BiConsumer<Tx, List<Intent>> alsoCommit,
                     List<EngineEvent> events, boolean onlyWithOrders) {
        List<Review> reviews = risk.review(intents, now, events);
        List<Intent> approved = Review.approved(reviews);
        if (approved.isEmpty() && onlyWithOrders) return reviews;
        List<OrderFlow.Result> committed = null;
        try {
            AiLevel.Result second = ai.review(approved, now, tickClose);
            List<Intent> send = second.send();
            committed = orders.execute(send, now, tickClose, tx -> {
                second.write(tx);
                alsoCommit.accept(tx, send);
            }, events, fleet::update);
            second.tell(events);
        } finally {
            risk.settled(approved, committed);  // a failed send is decided again when the instant is replayed
        }
        return reviews;
    }
}
