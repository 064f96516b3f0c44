package dev.flotilla.engine.kernel;

import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.OrderRequest;
import dev.flotilla.engine.model.Fill;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The real paper broker with a count of the orders that reach it. */
final class CountingBroker implements Broker {

    private final Broker broker;
    final AtomicInteger submitted = new AtomicInteger();

    CountingBroker(Broker broker) {
        this.broker = broker;
    }

    @Override
    public BrokerReply submit(OrderRequest request) {
        submitted.incrementAndGet();
        return broker.submit(request);
    }

    @Override
    public Optional<Fill> lookup(String clientOrderId) {
        return broker.lookup(clientOrderId);
    }

    @Override
    public void allocate(String account, BigDecimal capital) {
        broker.allocate(account, capital);
    }

    @Override
    public Map<String, BigDecimal> balances(String account) {
        return broker.balances(account);
    }
}
