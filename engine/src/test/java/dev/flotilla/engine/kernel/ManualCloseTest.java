package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.ClosePlan;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.api.CloseResult;
import dev.flotilla.engine.event.PositionEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing positions by hand: the plan the operator confirms, then exactly those sold, with the reason MANUAL. */
@OnBothStores
class ManualCloseTest {

    @TempDir
    Path dir;

    private EngineHarness open(CountingBroker[] counter) throws Exception {
        return EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin(),
                b -> counter[0] = new CountingBroker(b));
    }

    @Test
    void aManualCloseStoresManualAndLeavesTheBooksConsistent() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        String botId;
        try (EngineHarness h = open(broker).runFor(Duration.ofHours(12))) {
            Map<String, Position> open = h.store.openPositions();
            assertThat(open).isNotEmpty();
            botId = open.keySet().stream().sorted().findFirst().orElseThrow();
            Position p = open.get(botId);
            Account before = h.store.accounts().get(botId);
            BigDecimal capital = h.store.bot(botId).orElseThrow().capital();
            int fills = h.fills().size();
            int sent = broker[0].submitted.get();

            ClosePlan plan = h.engine.risk().planCloseBots(List.of(botId)).get();
            assertThat(plan.positions()).singleElement().satisfies(l -> {
                assertThat(l.positionId()).isEqualTo(p.id());
                assertThat(l.qty()).isEqualByComparingTo(p.qty());
                assertThat(l.symbol()).isEqualTo(p.symbol().toString());
            });
            assertThat(plan.summary()).isEqualTo("Close 1 position at market on SANDBOX xmax: the position of bot " + botId);
            assertThat(plan.lines()).anyMatch(s -> s.contains("Sell " + p.qty().stripTrailingZeros().toPlainString() + " "
                    + p.symbol() + " of bot " + botId));

            CloseResult result = h.engine.risk().closePositions(plan).get();
            assertThat(result.notClosed()).isEmpty();
            assertThat(result.closed()).singleElement().asString().startsWith(botId + ": sold " + p.qty().stripTrailingZeros().toPlainString());

            assertThat(broker[0].submitted.get() - sent).isEqualTo(1);
            assertThat(h.store.openPositions()).doesNotContainKey(botId).hasSize(open.size() - 1);
            List<Fill> newFills = h.fills().subList(fills, h.fills().size());
            assertThat(newFills).singleElement().satisfies(f -> {
                assertThat(f.botId()).isEqualTo(botId);
                assertThat(f.side()).isEqualTo(Side.SELL);
                assertThat(f.qty()).isEqualByComparingTo(p.qty());
            });
            Fill f = newFills.getFirst();
            Order order = h.store.order(f.clientOrderId()).orElseThrow();
            assertThat(order.purpose()).isEqualTo("MANUAL");
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.reason()).isEqualTo("operator: manual close");
            ClosedTrade trade = h.store.closedTrades().stream().filter(t -> t.botId().equals(botId) && t.openedAt() == p.openedAt())
                    .findFirst().orElseThrow();
            assertThat(trade.exitReason()).isEqualTo("MANUAL");
            assertThat(trade.exitPrice()).isEqualByComparingTo(f.price());
            assertThat(trade.netPnl()).isEqualByComparingTo(f.price().subtract(p.entryPrice()).multiply(p.qty())
                    .subtract(p.entryFee()).subtract(f.fee()));

            Account after = h.store.accounts().get(botId);
            assertThat(after.cash()).isEqualByComparingTo(before.cash().add(f.qty().multiply(f.price())).subtract(f.fee()));
            assertThat(after.fees()).isEqualByComparingTo(before.fees().add(f.fee()));
            assertThat(after.cash()).as("a flat account holds capital + realized - fees")
                    .isEqualByComparingTo(capital.add(after.realizedPnl()).subtract(after.fees()));
            assertThat(h.engine.snapshot().bots()).filteredOn(b -> b.id().equals(botId)).singleElement()
                    .satisfies(b -> assertThat(b.positionQty()).isZero());
            h.engine.events().close();
            assertThat(h.events).filteredOn(e -> e instanceof PositionEvent.PositionClosed c && c.botId().equals(botId)
                    && c.exitReason().equals("MANUAL")).hasSize(1);

            // the same plan again: the position is gone, nothing is sent twice
            CloseResult again = h.engine.risk().closePositions(plan).get();
            assertThat(again.closed()).isEmpty();
            assertThat(again.notClosed()).singleElement().asString().contains("no longer open");
            assertThat(h.fills()).hasSize(fills + 1);
            assertThat(broker[0].submitted.get() - sent).isEqualTo(1);
        }
        try (EngineHarness h = open(broker)) {
            assertThat(h.engine.reconciliationDifferences()).as("the ledger and the broker agree at the next start").isEmpty();
            assertThat(h.engine.haltReason()).isNull();
            assertThat(h.store.openPositions()).doesNotContainKey(botId);
        }
    }

    @Test
    void closeAllOfASymbolSellsEveryPositionInItAndNoOther() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        try (EngineHarness h = open(broker).runFor(Duration.ofHours(12))) {
            Map<String, List<Position>> bySymbol = h.store.openPositions().values().stream()
                    .collect(Collectors.groupingBy(p -> p.symbol().toString()));
            String symbol = bySymbol.entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                    .orElseThrow().getKey();
            List<Position> held = bySymbol.get(symbol);
            int others = h.store.openPositions().size() - held.size();
            assertThat(others).isPositive();

            ClosePlan plan = h.engine.risk().planCloseSymbol(symbol).get();
            assertThat(plan.positions()).extracting(ClosePlan.Line::positionId)
                    .containsExactlyInAnyOrderElementsOf(held.stream().map(Position::id).toList());
            assertThat(plan.what()).isEqualTo("every position in " + symbol);
            CloseResult result = h.engine.risk().closePositions(plan).get();

            assertThat(result.closed()).hasSize(held.size());
            assertThat(h.store.openPositions().values()).hasSize(others).noneMatch(p -> p.symbol().toString().equals(symbol));
            assertThat(h.store.closedTrades()).filteredOn(t -> t.exitReason().equals("MANUAL")).hasSize(held.size())
                    .allMatch(t -> t.symbol().toString().equals(symbol));
            assertThat(h.engine.risk().planCloseSymbol(symbol).get().empty()).isTrue();
        }
    }

    @Test
    void closeAllOfSomeBotsLeavesFlatBotsOutAndUnknownOnesAreRefused() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        try (EngineHarness h = open(broker).runFor(Duration.ofHours(12))) {
            List<String> holding = h.store.openPositions().keySet().stream().sorted().limit(2).toList();
            String flat = FleetFileTest.defaultFleet().stream().map(BotSpec::id)
                    .filter(id -> !h.store.openPositions().containsKey(id)).findFirst().orElseThrow();
            List<String> asked = List.of(holding.get(0), holding.get(1), flat);

            ClosePlan plan = h.engine.risk().planCloseBots(asked).get();
            assertThat(plan.positions()).extracting(ClosePlan.Line::botId).containsExactlyInAnyOrderElementsOf(holding);
            assertThat(plan.notes()).anyMatch(n -> n.startsWith("Still running"));
            assertThat(h.engine.risk().closePositions(plan).get().closed()).hasSize(2);
            assertThat(h.store.openPositions()).doesNotContainKeys(holding.toArray(String[]::new));

            assertThat(h.engine.risk().planCloseBots(List.of(flat)).get().summary())
                    .isEqualTo("No open position to close: the position of bot " + flat);
            assertThatThrownBy(() -> h.engine.risk().planCloseBots(List.of("no-such-bot")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-bot");
        }
    }

    /** Decision 0028: halted means no automated order; a manual close is the operator's own, so it is sent. */
    @Test
    void aHaltedFleetSendsAManualCloseAndNothingElse() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        try (EngineHarness h = open(broker).runFor(Duration.ofHours(12))) {
            h.engine.risk().killSwitchOn(false);
            String botId = h.store.openPositions().keySet().stream().sorted().findFirst().orElseThrow();
            int sent = broker[0].submitted.get();
            ClosePlan plan = h.engine.risk().planCloseBots(List.of(botId)).get();
            assertThat(plan.notes()).anyMatch(n -> n.startsWith("The kill switch is on"));

            assertThat(h.engine.risk().closePositions(plan).get().closed()).hasSize(1);
            assertThat(broker[0].submitted.get() - sent).isEqualTo(1);
            assertThat(h.store.openPositions()).doesNotContainKey(botId);
            assertThat(h.engine.snapshot().state()).isEqualTo("HALTED");

            h.runFor(Duration.ofHours(20));
            assertThat(broker[0].submitted.get() - sent).as("nothing automated follows").isEqualTo(1);
            assertThat(h.engine.snapshot().state()).isEqualTo("HALTED");
        }
    }

    /** Decision 0028: while the books and the broker disagree nobody knows what a sell would close, so none is sent. */
    @Test
    void aManualCloseIsRefusedWhileReconciliationHoldsTheFleetAndSentOnceDecided() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        String botId;
        ClosePlan plan;
        try (EngineHarness h = open(broker).runFor(Duration.ofHours(12))) {
            botId = h.store.openPositions().keySet().stream().sorted().findFirst().orElseThrow();
            plan = h.engine.risk().planCloseBots(List.of(botId)).get();
        }
        String other = FleetFileTest.defaultFleet().stream().map(BotSpec::id).filter(id -> !id.equals(botId)).findFirst().orElseThrow();
        TestStores.execute(dir, "UPDATE accounts SET cash = '12345.67' WHERE bot_id = '" + other + "'");
        try (EngineHarness h = open(broker)) {
            assertThat(h.engine.haltReason()).contains("reconciliation");
            int sent = broker[0].submitted.get();
            int fills = h.fills().size();
            assertThatThrownBy(() -> h.engine.risk().planCloseBots(List.of(botId)).get())
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("decide the reconciliation first; nothing was sent");
            // a plan confirmed before the mismatch was found is refused as well
            assertThatThrownBy(() -> h.engine.risk().closePositions(plan).get())
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("the books and the broker disagree");
            assertThat(broker[0].submitted.get()).isEqualTo(sent);
            assertThat(h.fills()).hasSize(fills);
            assertThat(h.store.openPositions()).containsKey(botId);
            assertThat(h.engine.reads().orders(botId, 1_000)).noneMatch(o -> o.purpose().equals("MANUAL"));

            h.engine.acceptBrokerView();
            assertThat(h.engine.risk().closePositions(plan).get().closed()).singleElement().asString().startsWith(botId + ": sold");
            assertThat(broker[0].submitted.get() - sent).isEqualTo(1);
            assertThat(h.store.openPositions()).doesNotContainKey(botId);
        }
    }
}
