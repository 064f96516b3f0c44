package dev.flotilla.engine.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.AiAnalysis.Decision;
import dev.flotilla.engine.model.AiAnalysis.Outcome;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AI level against a local stand-in Ollama: it answers, shrinks, vetoes, is slow, talks garbage, is down. */
class AiLevelTest {

    static final long NOW = 1_767_571_200_000L;

    private StandInOllama ollama;
    private final OllamaClient client = new OllamaClient();

    @BeforeEach
    void start() throws Exception {
        ollama = new StandInOllama();
    }

    @AfterEach
    void stop() {
        ollama.close();
    }

    static Intent entry(String bot, String qty) {
        BigDecimal cap = new BigDecimal("1000");
        BotBook b = new BotBook(bot, Symbol.parse("BTC/USDT"), cap, new BotState(bot, BotStatus.RUNNING, null, null, null, 0, cap),
                new Account(bot, cap, BigDecimal.ZERO, BigDecimal.ZERO), null, null);
        return new Intent(b, Side.BUY, new BigDecimal(qty), new BigDecimal("50000"), "ENTRY", "fast SMA crossed the slow one",
                new BigDecimal("48500"));
    }

    static Intent exit(String bot) {
        Intent e = entry(bot, "0.002");
        return new Intent(e.bot(), Side.SELL, e.qty(), e.refPrice(), "EXIT", "crossed down", null);
    }

    /** A context with the given server and status, the level on for {@code on}. */
    static AiLevel.Context context(String url, long timeout, AiStatus status, Set<String> on) {
        return new AiLevel.Context() {
            public AiSettings settings() { return new AiSettings(url, "stand-in", timeout, true); }
            public AiStatus status() { return status; }
            public boolean on(String botId) { return on.contains(botId); }
            public String prompt(Intent in) { return AiPrompt.of(in, "sma-cross", "1h", List.of(), java.util.Map.of()); }
            public void unreachable() { }
        };
    }

    /** A timeout no answer of the stand-in comes near, even on a busy machine: only the timing tests use their own. */
    private static final long ANSWERED = 20_000;

    private AiLevel level(long timeout, Set<String> on) {
        return new AiLevel(context(ollama.url(), timeout, AiStatus.AVAILABLE, on), client);
    }

    @Test
    void anApprovalSendsTheEntryUnchangedAndRecordsTheAnalysis() throws Exception {
        Intent in = entry("a", "0.002");
        AiLevel.Result r = level(ANSWERED, Set.of("a")).review(List.of(in), NOW, NOW);
        assertThat(r.send()).containsExactly(in);
        assertThat(r.refusals()).isEmpty();
        assertThat(r.analyses()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.ANSWERED);
            assertThat(a.decision()).isEqualTo(Decision.APPROVE);
            assertThat(a.model()).isEqualTo("stand-in");
            assertThat(a.promptSha256()).hasSize(64);
            assertThat(a.answer()).contains("approve");
        });
        var request = new ObjectMapper().readTree(ollama.chats.getFirst());
        assertThat(request.get("stream").asBoolean()).isFalse();
        assertThat(request.get("model").asText()).isEqualTo("stand-in");
        assertThat(request.at("/format/properties/decision/enum").toString()).contains("approve", "shrink", "veto");
        assertThat(request.at("/messages/1/content").asText()).contains("bot a", "BTC/USDT", "BUY 0.002 at 50000",
                "fast SMA crossed the slow one");
    }

    @Test
    void aShrinkScalesTheQuantityDown() {
        ollama.answers("shrink", 0.5, "volatile");
        Intent sized = entry("a", "0.003333").withSizing("{\"cash\":1000,\"qty\":0.003333}");
        AiLevel.Result r = level(ANSWERED, Set.of("a")).review(List.of(sized), NOW, NOW);
        assertThat(r.send()).singleElement().satisfies(i -> {
            assertThat(i.qty()).isEqualByComparingTo("0.001666");
            assertThat(i.sizing()).as("the stored sizing tells the gateway's size, then the model's")
                    .isEqualTo("{\"cash\":1000,\"qty\":0.003333,\"ai\":{\"model\":\"stand-in\",\"factor\":0.5,\"qty\":0.001666}}");
        });
        assertThat(r.analyses().getFirst().decision()).isEqualTo(Decision.SHRINK);
        assertThat(r.analyses().getFirst().factor()).isEqualByComparingTo("0.5");
    }

    @Test
    void aShrinkThatLeavesNothingDropsTheEntryWithAReason() {
        ollama.answers("shrink", 0.25, "tiny");
        AiLevel.Result r = level(ANSWERED, Set.of("a")).review(List.of(entry("a", "0.000003")), NOW, NOW);
        assertThat(r.send()).isEmpty();
        assertThat(r.refusals()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(AiLevel.SHRUNK_TO_NOTHING);
            assertThat(x.detail()).contains("left nothing");
        });
    }

    @Test
    void aVetoKeepsTheEntryBackWithARiskEventThatGivesTheReason() {
        ollama.answers("veto", 1, "falling knife");
        Intent other = entry("b", "0.002");
        AiLevel.Result r = level(ANSWERED, Set.of("a")).review(List.of(entry("a", "0.002"), other, exit("c")), NOW, NOW);
        assertThat(r.send()).hasSize(2).contains(other);
        assertThat(ollama.chats).hasSize(1);  // b is not on, c's exit is never asked about
        assertThat(r.refusals()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(AiLevel.VETO);
            assertThat(x.botId()).isEqualTo("a");
            assertThat(x.detail()).contains("falling knife");
        });
        assertThat(r.analyses().getFirst().decision()).isEqualTo(Decision.VETO);
    }

    @Test
    void aSlowServerCountsAsApprovalAndTheCloseWaitsOnlyTheTimeoutForAllItsQuestions() {
        ollama.slow(6_000).answers("veto", 1, "too late to matter");
        List<Intent> entries = List.of(entry("a", "0.002"), entry("b", "0.002"), entry("c", "0.002"));
        long t0 = System.nanoTime();
        AiLevel.Result r = level(1_000, Set.of("a", "b", "c")).review(entries, NOW, NOW);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.send()).isEqualTo(entries);
        assertThat(r.analyses()).hasSize(3).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(a.decision()).isEqualTo(Decision.APPROVE);
        });
        assertThat(took).isGreaterThanOrEqualTo(900).isLessThan(2_900);  // three questions in parallel, not 3 × 1 s
    }

    @Test
    void garbageCountsAsApprovalRecordedAsABadAnswer() {
        ollama.answersContent("I think you should buy!!");
        AiLevel.Result r = level(ANSWERED, Set.of("a")).review(List.of(entry("a", "0.002")), NOW, NOW);
        assertThat(r.send()).hasSize(1);
        assertThat(r.analyses().getFirst().outcome()).isEqualTo(Outcome.BAD_ANSWER);
        assertThat(r.analyses().getFirst().answer()).isEqualTo("I think you should buy!!");
        ollama.answers("shrink", 7, "out of range");
        assertThat(level(ANSWERED, Set.of("a")).review(List.of(entry("a", "0.002")), NOW, NOW).analyses().getFirst().outcome())
                .isEqualTo(Outcome.BAD_ANSWER);
        ollama.repliesBody("<html>not ollama</html>");
        assertThat(level(ANSWERED, Set.of("a")).review(List.of(entry("a", "0.002")), NOW, NOW).analyses().getFirst().outcome())
                .isEqualTo(Outcome.BAD_ANSWER);
    }

    @Test
    void anUnavailableServerIsSkippedWithoutAskingOrWaiting() throws Exception {
        AiLevel level = new AiLevel(context(StandInOllama.down(), 2_000, AiStatus.UNAVAILABLE, Set.of("a")), client);
        long t0 = System.nanoTime();
        AiLevel.Result r = level.review(List.of(entry("a", "0.002")), NOW, NOW);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
        assertThat(r.send()).hasSize(1);
        assertThat(r.analyses()).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.UNAVAILABLE));
    }

    @Test
    void aServerThatWentDownSinceTheLastCheckCountsAsApprovalAndIsMarkedUnreachable() throws Exception {
        boolean[] told = new boolean[1];
        AiLevel.Context base = context(StandInOllama.down(), 2_000, AiStatus.AVAILABLE, Set.of("a"));
        AiLevel level = new AiLevel(new AiLevel.Context() {
            public AiSettings settings() { return base.settings(); }
            public AiStatus status() { return base.status(); }
            public boolean on(String botId) { return base.on(botId); }
            public String prompt(Intent in) { return base.prompt(in); }
            public void unreachable() { told[0] = true; }
        }, client);
        AiLevel.Result r = level.review(List.of(entry("a", "0.002")), NOW, NOW);
        assertThat(r.send()).hasSize(1);
        assertThat(r.analyses().getFirst().outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(told[0]).isTrue();
    }

    @Test
    void notConfiguredOrOutsideACloseItDoesNothing() {
        AiLevel level = level(ANSWERED, Set.of("a"));
        assertThat(level.review(List.of(entry("a", "0.002")), NOW, null).analyses()).isEmpty();
        assertThat(AiLevel.OFF.review(List.of(entry("a", "0.002")), NOW, NOW).analyses()).isEmpty();
        assertThat(ollama.chats).isEmpty();
    }
}
