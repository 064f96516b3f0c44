package dev.flotilla.engine.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.TelegramApi.Kind;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierTest {

    static final long T = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
    final List<String> out = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final AtomicReference<BigDecimal> equity = new AtomicReference<>(new BigDecimal("10000"));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private Notifier notifier(EnumSet<Kind> kinds) {
        return new Notifier(kinds, out::add, () -> new FleetSnapshot(0, "SANDBOX", "ACTIVE", List.of(), equity.get(),
                new BigDecimal("10000"), 2, 0), timer, 300);
    }

    private static OrderEvent.OrderFilled fill(long t, String bot) {
        return new OrderEvent.OrderFilled(t, bot, "c" + t, "BTC/USDT", Side.BUY, new BigDecimal("0.0100"), new BigDecimal("43000.50"),
                BigDecimal.ZERO);
    }

    @Test
    void fillsWithinTheWindowGoOutAsOneMessage() {
        Notifier n = notifier(EnumSet.allOf(Kind.class));
        n.accept(fill(T, "a"));
        n.accept(fill(T + 1, "b"));
        n.accept(fill(T + 2, "c"));
        Wait.until(Duration.ofSeconds(5), () -> out.size() == 1);
        assertThat(out.getFirst()).startsWith("3 fills:").contains("a BUY 0.01 BTC/USDT @ 43000.5").contains("\n• c BUY");
        n.accept(fill(T + 3, "d"));
        Wait.until(Duration.ofSeconds(5), () -> out.size() == 2);
        assertThat(out.get(1)).startsWith("1 fill:");
    }

    @Test
    void alertsGoOutAtOnceAndOnlyTheKindsThatAreOn() {
        Notifier n = notifier(EnumSet.of(Kind.BOT_ERRORS, Kind.KILL_SWITCH));
        n.accept(new BotEvent.BotError(T, "a", "boom"));
        n.accept(new RiskEvent.CircuitBreakerFired(T, "a", "drawdown", "10% down"));
        n.accept(new SystemEvent.ReconciliationMismatch(T, null, "BTC differs"));
        n.accept(new RiskEvent.TradingStateChanged(T, null, "ACTIVE", "HALTED", "kill switch"));
        n.accept(new RiskEvent.TradingStateChanged(T, "a", "ACTIVE", "HALTED", "its own breaker"));
        n.accept(fill(T, "a"));
        n.flushFills();
        assertThat(out).containsExactly("❌ a stopped on an error: boom", "🛑 Fleet ACTIVE → HALTED: kill switch");
    }

    @Test
    void summarisesTheEngineDayAtMidnightUtc() {
        Notifier n = notifier(EnumSet.of(Kind.DAILY_SUMMARY));
        n.accept(fill(T, "a"));
        n.accept(fill(T + 1000, "b"));
        equity.set(new BigDecimal("10125.4"));
        n.accept(new BotEvent.TickCompleted(Instant.parse("2026-01-06T00:00:00Z").toEpochMilli(), "a", 0));
        assertThat(out).hasSize(1);
        assertThat(out.getFirst()).contains("2026-01-05 (UTC)").contains("Equity 10125.40 USDT").contains("Day PnL +125.40")
                .contains("Trades 2");
        n.accept(new BotEvent.TickCompleted(Instant.parse("2026-01-06T05:00:00Z").toEpochMilli(), "a", 0));
        assertThat(out).hasSize(1);
    }
}
