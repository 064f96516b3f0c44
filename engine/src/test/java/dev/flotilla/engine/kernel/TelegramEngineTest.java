package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.flotilla.engine.api.TelegramApi;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.secrets.TokenVault;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.engine.telegram.BotApiStandIn;
import dev.flotilla.engine.telegram.BotApiStandIn.Sent;
import dev.flotilla.engine.telegram.TelegramService;
import dev.flotilla.engine.telegram.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The Telegram bot on a real engine and store, against a local stand-in of the Bot API. */
@OnBothStores
class TelegramEngineTest {

    static final String TOKEN = "7654321:AAHsecretTelegramTokenValue_0123";
    static final String SECRET_HALF = TOKEN.substring(TOKEN.indexOf(':') + 1);
    static final long CHAT = 42;
    static final long STRANGER = 99;
    static final Duration MAX = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    EngineHarness h;
    BotApiStandIn api;
    TelegramService telegram;

    /** A keychain in memory. */
    static final class MemoryVault implements TokenVault {
        volatile String token;

        MemoryVault(String token) {
            this.token = token;
        }

        public Optional<String> load() { return Optional.ofNullable(token); }
        public void save(String t) { token = t; }
        public void delete() { token = null; }
        public String describe() { return "memory"; }
    }

    @AfterEach
    void close() {
        if (telegram != null) telegram.close();
        if (api != null) api.close();
        if (h != null) h.close();
    }

    private TelegramService start(String url, String token, int capacity) throws Exception {
        h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin());
        telegram = new TelegramService(h.engine, h.store, new MemoryVault(token),
                new TelegramService.Options(url, 300, 1_000, 100, 1, capacity));
        telegram.setConfig(new TelegramApi.Config(List.of(CHAT), EnumSet.allOf(TelegramApi.Kind.class)));
        return telegram;
    }

    private void pollingStarted() {
        Wait.until(MAX, () -> api.polls.get() >= 1);
    }

    private String replyTo(String command) {
        int before = api.sentTo(CHAT).size();
        api.type(CHAT, command);
        Wait.until(MAX, () -> api.sentTo(CHAT).size() > before);
        return api.sentTo(CHAT).get(before).text();
    }

    private void saysAtSomePoint(String command, String text) {
        api.type(CHAT, command);
        Wait.until(MAX, () -> api.sentTo(CHAT).stream().anyMatch(m -> m.text().contains(text)));
    }

    @Test
    void obeysTheConfiguredChatOnlyAndStopsABot() throws Exception {
        api = new BotApiStandIn(TOKEN);
        start(api.url(), TOKEN, 100);
        pollingStarted();
        assertThat(replyTo("/status")).startsWith("Flotilla SANDBOX").contains("Bots running").contains("Equity");
        String bot = h.engine.snapshot().bots().getFirst().id();
        assertThat(h.engine.snapshot().bots().getFirst().status()).isEqualTo(BotStatus.RUNNING);
        assertThat(replyTo("/stop " + bot)).contains(bot + " stopped");
        Wait.until(MAX, () -> h.engine.snapshot().bots().getFirst().status() == BotStatus.STOPPED);
        assertThat(replyTo("/bots")).contains(bot + " – ").contains("STOPPED");
        assertThat(replyTo("/stop nosuchbot")).contains("there is no bot nosuchbot");
        assertThat(replyTo("/help")).contains("/flatten").contains("/limits");
        assertThat(replyTo("/limits")).startsWith("Portfolio limits:");
        // a stranger's /halt is ignored, and answered with nothing
        api.type(STRANGER, "/halt");
        replyTo("/balance");
        assertThat(api.sentTo(STRANGER)).isEmpty();
        assertThat(h.engine.risk().status().killSwitch()).isFalse();
        // the reply and the notification of the change race each other: either may come first
        saysAtSomePoint("/halt", "Kill switch on: the fleet is HALTED");
        Wait.until(MAX, () -> h.engine.risk().status().killSwitch());
        saysAtSomePoint("/release", "Kill switch off");
    }

    @Test
    void flattenAsksFirstAndTheButtonConfirms() throws Exception {
        api = new BotApiStandIn(TOKEN);
        start(api.url(), TOKEN, 100);
        pollingStarted();
        assertThat(replyTo("/flatten yes")).contains("Nothing to confirm");
        int before = api.sentTo(CHAT).size();
        assertThat(replyTo("/flatten")).contains("/flatten yes").contains("60 s");
        Sent ask = api.sentTo(CHAT).get(before);
        assertThat(ask.replyMarkup().toString()).contains("Flatten now").contains("/flatten yes");
        assertThat(h.engine.risk().status().killSwitch()).isFalse();
        api.press(CHAT, "/flatten yes");
        Wait.until(MAX, () -> api.sentTo(CHAT).stream().anyMatch(m -> m.text().startsWith("🛑 Flattening")));
        Wait.until(MAX, () -> h.engine.risk().status().killSwitch());
        assertThat(api.paths).anyMatch(p -> p.endsWith("/answerCallbackQuery"));
    }

    @Test
    void tellsFillsBatchedDailySummariesAndTheKillSwitchFromARealRun() throws Exception {
        api = new BotApiStandIn(TOKEN);
        start(api.url(), TOKEN, 100);
        h.runFor(Duration.ofDays(3));
        h.engine.risk().killSwitchOn(false);
        Wait.until(Duration.ofSeconds(60), () -> api.sentTo(CHAT).stream().anyMatch(s -> s.text().startsWith("🛑 Fleet")));
        List<String> texts = api.sentTo(CHAT).stream().map(Sent::text).toList();
        long fillsFilled = h.fills().size();
        assertThat(fillsFilled).isPositive();
        assertThat(texts).anyMatch(t -> t.matches("(?s)\\d+ fills?:.*"));
        // batched: fewer messages of fills than fills
        assertThat(texts.stream().filter(t -> t.matches("(?s)\\d+ fills?:.*")).count()).isLessThan(fillsFilled);
        // one per engine day that ended (the last turn may come with the run's last instant or not)
        assertThat(texts.stream().filter(t -> t.startsWith("📊")).toList()).hasSizeBetween(2, 3).first().asString().contains("2026-01-05 (UTC)");
        List<Sent> s = api.sentTo(CHAT);
        for (int i = 1; i < s.size(); i++) assertThat(s.get(i).at() - s.get(i - 1).at()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aDeadTelegramNeverSlowsTheEngineAndItsDropsAreCounted() throws Exception {
        api = new BotApiStandIn(TOKEN);
        String url = api.url();
        api.close();
        api = null;
        start(url, TOKEN, 2);
        long t0 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) h.engine.events().publish(new BotEvent.BotError(EngineHarness.START + i, "x", "e" + i));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        h.runFor(Duration.ofDays(1));
        Wait.until(MAX, () -> telegram.status().dropped() > 0 && telegram.status().lastError() != null);
        TelegramApi.Status st = telegram.status();
        assertThat(st.running()).isTrue();
        assertThat(st.dropped()).isGreaterThan(10_000);
        assertThat(st.lastError()).contains("not reached").doesNotContain(TOKEN).doesNotContain(SECRET_HALF);
    }

    @Test
    void theTokenIsNeverInTheLogTheMessagesOrTheDataFolder() throws Exception {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
        List<String> texts = new ArrayList<>();
        try {
            api = new BotApiStandIn(TOKEN);
            start(api.url(), TOKEN, 100);
            pollingStarted();
            replyTo("/status");
            api.type(STRANGER, "/status");
            texts.add(telegram.sendTest(null, List.of(CHAT)).message());
            texts.add(telegram.sendTest("1111:AAwrongTokenNotKnownToTheStandIn", List.of(CHAT)).message());
            texts.add(telegram.sendTest("bad token with spaces/../", List.of(CHAT)).message());
            telegram.setToken(TOKEN);
            api.close();  // Telegram goes away: the failures are logged
            Wait.until(MAX, () -> telegram.status().lastError() != null && telegram.status().lastError().contains("not reached"));
            texts.add(telegram.sendTest(null, List.of(CHAT)).message());
            texts.add(telegram.status().toString());
            texts.add(telegram.config().toString());
            telegram.close();
            telegram = null;
        } finally {
            root.detachAppender(appender);
            root.setLevel(Level.INFO);
        }
        for (ILoggingEvent e : appender.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
        assertThat(texts).anyMatch(t -> t.contains("Unauthorized"));
        assertThat(texts).anyMatch(t -> t.contains("chat 99, which is not configured"));
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(TOKEN).doesNotContain(SECRET_HALF)
                .doesNotContain("AAwrongTokenNotKnown"));
        h.close();
        h = null;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(SECRET_HALF);
            }
        }
    }
}
