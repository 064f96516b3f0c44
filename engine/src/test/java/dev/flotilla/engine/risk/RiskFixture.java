package dev.flotilla.engine.risk;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The risk gateway on real parts: a store in a temporary folder with seeded bots, the paper broker and the order
 * flow, as the engine wires them, but driven decision by decision at chosen engine times.
 */
final class RiskFixture implements AutoCloseable {

    static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    final Store store;
    final RiskStore records;
    final List<BotRuntime> bots;
    final RiskGateway gateway;
    final PaperBroker broker;
    final OrderFlow orders;
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    private RiskFixture(Store store, List<BotRuntime> bots, PriceHistory history, List<RiskCheck> checks) {
        this.store = store;
        this.records = new RiskStore(store);
        this.bots = bots;
        this.gateway = new RiskGateway(store, () -> bots.stream().map(BotRuntime::book).toList(), history,
                EntrySizing.DEFAULTS, checks);
        this.broker = new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001"));
        this.orders = new OrderFlow(store, broker);
    }

    static RiskFixture open(Path dir, List<BotSpec> specs, PriceHistory history) {
        return open(dir, specs, history, RiskChecks.ALL);
    }

    /** With the given checks in place of the registered ones. */
    static RiskFixture open(Path dir, List<BotSpec> specs, PriceHistory history, List<RiskCheck> checks) {
        Store store = new Store(TestStores.open(dir));
        FleetSeeder.seedIfEmpty(store, specs, T0);
        var states = store.botStates();
        var accounts = store.accounts();
        var positions = store.openPositions();
        List<BotRuntime> bots = new ArrayList<>();
        for (BotSpec s : store.bots()) {
            bots.add(new BotRuntime(s, null, states.get(s.id()), accounts.get(s.id()), positions.get(s.id())));
        }
        RiskFixture f = new RiskFixture(store, bots, history, checks);
        List<EngineEvent> booted = new ArrayList<>();
        f.gateway.boot(T0, booted);
        f.events.addAll(booted);
        return f;
    }

    /** Bots of 10,000 USDT each on the given symbols, named a, b, c, ... */
    static List<BotSpec> bots(String... symbols) {
        List<BotSpec> specs = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            specs.add(new BotSpec(String.valueOf((char) ('a' + i)), "ema-rsi", Symbol.parse(symbols[i]), Timeframe.H1,
                    Map.of(), new BigDecimal("10000")));
        }
        return specs;
    }

    /** A gateway as a restart makes it, booted on the same store at {@code now}. */
    RiskGateway restarted(long now) {
        RiskGateway g = new RiskGateway(store, () -> bots.stream().map(BotRuntime::book).toList(), PriceHistory.NONE);
        g.boot(now, new ArrayList<>());
        return g;
    }

    BotRuntime bot(String id) {
        return bots.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    /** An entry of {@code qty} at {@code price} with a 3% stop. */
    Intent entry(String botId, String qty, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Intent(bot(botId).book(), Side.BUY, new BigDecimal(qty), p, "ENTRY", "test",
                p.multiply(new BigDecimal("0.97")).setScale(8, RoundingMode.HALF_EVEN));
    }

    Intent exit(String botId, String price) {
        BotRuntime b = bot(botId);
        return new Intent(b.book(), Side.SELL, b.position() == null ? BigDecimal.ONE : b.position().qty(), new BigDecimal(price),
                "EXIT", "test", null);
    }

    List<Intent> review(long now, Intent... intents) {
        List<EngineEvent> out = new ArrayList<>();
        List<Intent> approved = Review.approved(gateway.review(List.of(intents), now, out));
        events.addAll(out);
        return approved;
    }

    /** Reviews, sends what passes to the paper broker and settles it, as a tick does. */
    List<Intent> trade(long now, Intent... intents) {
        List<Intent> approved = review(now, intents);
        List<EngineEvent> out = new ArrayList<>();
        gateway.settled(approved, orders.execute(approved, now, null, tx -> { }, out, book -> bot(book.id()).update(book)));
        events.addAll(out);
        return approved;
    }

    /** The operator's reset, as the engine applies it: the bot takes the rebased state the gateway committed. */
    boolean resetBreaker(String botId, long now, List<EngineEvent> out) {
        BotRuntime b = bot(botId);
        var rebased = gateway.resetBreaker(b.book(), now, out);
        if (rebased != null) b.update(b.book().withState(rebased));
        return rebased != null;
    }

    void evaluate(long now) {
        List<EngineEvent> out = new ArrayList<>();
        gateway.evaluate(now, out);
        events.addAll(out);
    }

    void prices(String... symbolPrice) {
        Map<Symbol, BigDecimal> m = new java.util.HashMap<>();
        for (int i = 0; i < symbolPrice.length; i += 2) m.put(Symbol.parse(symbolPrice[i]), new BigDecimal(symbolPrice[i + 1]));
        gateway.observe(m);
    }

    /** Sets a bot's cash in memory: its equity, as the risk checks see it, moves with it. */
    void cash(String botId, String cash) {
        BotRuntime b = bot(botId);
        b.update(b.book().withAccount(new dev.flotilla.engine.model.Account(botId, new BigDecimal(cash), b.account().realizedPnl(), b.account().fees())));
    }

    RiskRecord lastRejection() {
        return records.events(50).stream().filter(r -> r.kind() == RiskRecord.Kind.REJECTED).findFirst().orElse(null);
    }

    Collection<BotRuntime> all() {
        return bots;
    }

    @Override
    public void close() {
        store.close();
    }
}
