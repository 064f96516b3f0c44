package dev.flotilla.engine.telegram;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.LimitInfo;
import dev.flotilla.engine.api.LimitSet;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.engine.model.BotStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the commands of an allowed chat with the engine's api. /flatten closes every position, so it only asks; the
 * same chat confirms with "/flatten yes" (or the button) within {@link #CONFIRM_MS}.
 */
final class CommandHandler {

    static final long CONFIRM_MS = 60_000;
    static final String CONFIRM = "/flatten yes";
    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    record Reply(String text, String buttonText, String buttonData) {
        static Reply of(String text) {
            return new Reply(text, null, null);
        }
    }

    static final String HELP = """
            Flotilla commands:
            /status – fleet state, equity, positions
            /profit – PnL, per bot
            /balance – equity and cash, per bot
            /bots – the bots and their state
            /start ID, /stop ID – start or stop a bot
            /halt – kill switch on (nothing trades)
            /flatten – close every position and halt (asks to confirm)
            /release – kill switch off
            /limits [ID] – the portfolio's (or a bot's) risk limits
            /help – this list""";

    private final EngineApi engine;
    private final LongSupplier clock;
    private final Map<Long, Long> flattenAsked = new ConcurrentHashMap<>();

    CommandHandler(EngineApi engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    Reply handle(long chatId, String text) {
        String[] words = text.strip().split("\\s+");
        String cmd = words[0].toLowerCase(Locale.ROOT);
        int at = cmd.indexOf('@');  // "/status@FlotillaBot" in a group
        if (at > 0) cmd = cmd.substring(0, at);
        String arg = words.length > 1 ? words[1] : null;
        try {
            return switch (cmd) {
                case "/status" -> Reply.of(status());
                case "/profit" -> Reply.of(profit());
                case "/balance" -> Reply.of(balance());
                case "/bots" -> Reply.of(bots());
                case "/start" -> arg == null ? Reply.of("Usage: /start ID") : start(arg);
                case "/stop" -> arg == null ? Reply.of("Usage: /stop ID") : stop(arg);
                case "/halt" -> {
                    engine.risk().killSwitchOn(false);
                    log.info("kill switch turned on from Telegram chat {}", chatId);
                    yield Reply.of("🛑 Kill switch on: the fleet is HALTED. /release to trade again.");
                }
                case "/flatten" -> flatten(chatId, arg);
                case "/release" -> {
                    engine.risk().killSwitchOff();
                    log.info("kill switch turned off from Telegram chat {}", chatId);
                    yield Reply.of("✅ Kill switch off: the fleet trades as its limits allow.");
                }
                case "/limits" -> Reply.of(limits(arg));
                case "/help" -> Reply.of(HELP);
                default -> Reply.of("Unknown command " + words[0] + ". /help lists them.");
            };
        } catch (RuntimeException e) {
            log.info("Telegram command {} refused: {}", cmd, e.getMessage());
            return Reply.of("Refused: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private Reply flatten(long chatId, String arg) {
        long now = clock.getAsLong();
        if ("yes".equalsIgnoreCase(arg)) {
            Long asked = flattenAsked.remove(chatId);
            if (asked == null || now - asked > CONFIRM_MS) return Reply.of("Nothing to confirm: send /flatten first.");
            engine.risk().killSwitchOn(true);
            log.info("kill switch on with flatten from Telegram chat {}", chatId);
            return Reply.of("🛑 Flattening: every open position is closed and the fleet is HALTED. /release to trade again.");
        }
        flattenAsked.put(chatId, now);
        return new Reply("This closes every open position and halts the fleet. Send " + CONFIRM + " within 60 s to confirm.",
                "Flatten now", CONFIRM);
    }

    private Reply start(String id) {
        bot(id);
        engine.startBot(id);
        return Reply.of("▶️ " + id + " started.");
    }

    private Reply stop(String id) {
        bot(id);
        engine.stopBot(id);
        return Reply.of("⏹ " + id + " stopped.");
    }

    private BotView bot(String id) {
        return engine.snapshot().bots().stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no bot " + id + " (/bots lists them)"));
    }

    private String status() {
        FleetSnapshot s = engine.snapshot();
        RiskView r = engine.risk().status();
        StringBuilder sb = new StringBuilder("Flotilla ").append(s.mode()).append(", ").append(s.state())
                .append(r.killSwitch() ? " (kill switch on)" : "")
                .append("\n").append(Instant.ofEpochMilli(s.engineTime()))
                .append("\nBots running ").append(s.running()).append('/').append(s.bots().size())
                .append(", open positions ").append(s.openPositions())
                .append("\nEquity ").append(Text.money(s.equity())).append(" USDT, PnL ").append(Text.signed(s.pnl()));
        if (engine.haltReason() != null) sb.append("\nHALTED: ").append(engine.haltReason());
        if (engine.storeProblem() != null) sb.append("\n").append(engine.storeProblem());
        return sb.toString();
    }

    private String profit() {
        FleetSnapshot s = engine.snapshot();
        StringBuilder sb = new StringBuilder("PnL ").append(Text.signed(s.pnl())).append(" USDT");
        for (BotView b : s.bots()) {
            sb.append("\n").append(b.id()).append(": realized ").append(Text.signed(b.realizedPnl()))
                    .append(", open ").append(Text.signed(b.unrealizedPnl())).append(", fees ").append(Text.money(b.fees()));
        }
        return sb.toString();
    }

    private String balance() {
        FleetSnapshot s = engine.snapshot();
        StringBuilder sb = new StringBuilder("Equity ").append(Text.money(s.equity())).append(" USDT (capital ")
                .append(Text.money(s.capital())).append(')');
        for (BotView b : s.bots()) {
            sb.append("\n").append(b.id()).append(": ").append(Text.money(b.equity())).append(", cash ").append(Text.money(b.cash()));
            if (b.positionQty().signum() != 0) sb.append(", ").append(Text.num(b.positionQty())).append(' ').append(b.symbol());
        }
        return sb.toString();
    }

    private String bots() {
        FleetSnapshot s = engine.snapshot();
        if (s.bots().isEmpty()) return "No bots.";
        StringBuilder sb = new StringBuilder();
        for (BotView b : s.bots()) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(b.status() == BotStatus.RUNNING ? "▶️ " : b.status() == BotStatus.ERROR ? "❌ " : "⏹ ")
                    .append(b.id()).append(" – ").append(b.strategy()).append(' ').append(b.symbol()).append(' ')
                    .append(b.timeframe()).append(", ").append(b.status());
            if (b.positionQty().signum() != 0) sb.append(", in position");
        }
        return sb.toString();
    }

    private String limits(String botId) {
        LimitSet set = botId == null ? engine.risk().portfolioLimits() : engine.risk().botLimits(bot(botId).id());
        StringBuilder sb = new StringBuilder(botId == null ? "Portfolio limits:" : botId + "'s limits:");
        for (LimitInfo l : set.limits()) {
            String v = set.values().get(l.name());
            if (v != null) sb.append("\n").append(l.label()).append(": ").append(l.show(new BigDecimal(v)));
        }
        return sb.toString();
    }
}
