package dev.flotilla.engine.ai;

import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.engine.model.AiAnalysis.Decision;
import dev.flotilla.engine.model.AiAnalysis.Outcome;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.AiStore;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Tx;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI level in the pipeline: between the risk gateway's approval and the order flow, for a candle close's
 * entries of the bots it is on for. All questions go out at once and the close waits at most the timeout for
 * all of them; whatever has not come back by then, or came back as something else than asked for, counts as
 * approve. Its rows and vetoes are written in the caller's transaction; their events follow the commit.
 */
public final class AiLevel {

    /** Code of the risk event of a vetoed entry. */
    public static final String VETO = "AI_VETO";
    /** Code of the risk event of an entry shrunk to nothing. */
    public static final String SHRUNK_TO_NOTHING = "SIZE_TOO_SMALL";

    private static final Logger log = LoggerFactory.getLogger(AiLevel.class);
    private static final int QTY_SCALE = 6;

    /** What the level needs of the engine, read on the engine's thread. */
    public interface Context {
        AiSettings settings();

        AiStatus status();

        boolean on(String botId);

        /** The question about one entry (the bot's strategy, candles and limits are the engine's to give). */
        String prompt(Intent entry);

        /** A question failed to connect: the server is gone, so the next closes skip the level until it is back. */
        void unreachable();
    }

    /** The level's verdict on one close: the orders to send, and what to write and tell. */
    public record Result(List<Intent> send, List<AiAnalysis> analyses, List<RiskRecord> refusals) {

        public void write(Tx tx) {
            analyses.forEach(a -> AiStore.analysis(tx, a));
            refusals.forEach(r -> RiskStore.event(tx, r));
        }

        /** The refusals' events, once written. */
        public void tell(List<EngineEvent> events) {
            for (RiskRecord r : refusals) events.add(new RiskEvent.RiskRejected(r.at(), r.botId(), r.code(), r.detail()));
        }
    }

    /** Never asks anything: backtests, tests and engines without the level. */
    public static final AiLevel OFF = new AiLevel(null, null);

    private final Context context;
    private final OllamaClient client;

    AiLevel(Context context, OllamaClient client) {
        this.context = context;
        this.client = client;
    }

    /**
     * @param approved  what the risk gateway approved, in order
     * @param tickClose the candle close, or null (the price loop, the operator): then the level does not apply
     */
    public Result review(List<Intent> approved, long now, Long tickClose) {
        Result none = new Result(approved, List.of(), List.of());
        if (context == null || tickClose == null) return none;
        AiSettings s = context.settings();
        if (!s.configured()) return none;
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < approved.size(); i++) {
            if (approved.get(i).entry() && context.on(approved.get(i).botId())) asked.add(i);
        }
        if (asked.isEmpty()) return none;
        boolean available = context.status() == AiStatus.AVAILABLE;
        long start = System.nanoTime();
        List<String> prompts = new ArrayList<>();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i : asked) {
            String prompt = context.prompt(approved.get(i));
            prompts.add(prompt);
            replies.add(available ? ask(s, prompt, start) : null);
        }
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(s.timeoutMs());
        List<Intent> send = new ArrayList<>(approved);
        List<AiAnalysis> analyses = new ArrayList<>();
        List<RiskRecord> refusals = new ArrayList<>();
        for (int k = 0; k < asked.size(); k++) {
            int i = asked.get(k);
            Intent in = approved.get(i);
            AiAnalysis a = analysis(in, now, s, prompts.get(k), replies.get(k), start, deadline);
            analyses.add(a);
            log.info("bot {}: AI level {} ({}, {} ms){}", in.botId(), a.decision(), a.outcome().label(), a.latencyMs(),
                    a.reason() == null || a.reason().isEmpty() ? "" : ": " + a.reason());
            switch (a.decision()) {
                case APPROVE -> { }
                case VETO -> {
                    send.set(i, null);
                    refusals.add(refusal(in, now, VETO, "AI veto (" + s.model() + "): " + a.reason(), a));
                }
                case SHRINK -> {
                    BigDecimal qty = in.qty().multiply(a.factor()).setScale(QTY_SCALE, RoundingMode.DOWN);
                    if (qty.signum() > 0) {
                        send.set(i, shrunk(in, qty, a.factor(), s.model()));
                    } else {
                        send.set(i, null);
                        refusals.add(refusal(in, now, SHRUNK_TO_NOTHING, "the AI level's shrink to "
                                + a.factor().toPlainString() + " left nothing of " + in.qty().toPlainString(), a));
                    }
                }
            }
        }
        if (replies.stream().anyMatch(f -> f != null && !f.isDone())) replies.forEach(f -> { if (f != null) f.cancel(true); });
        return new Result(send.stream().filter(java.util.Objects::nonNull).toList(), analyses, refusals);
    }

    /**
     * The entry at its shrunk size, its stored sizing saying so: the gateway's figures as they were, then the model's
     * factor and the quantity that is sent.
     */
    static Intent shrunk(Intent in, BigDecimal qty, BigDecimal factor, String model) {
        Intent smaller = in.with(qty, in.stopPrice(), in.reason());
        if (in.sizing() == null || !in.sizing().endsWith("}")) return smaller;
        String ai = ",\"ai\":{\"model\":\"" + model.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"factor\":"
                + factor.stripTrailingZeros().toPlainString() + ",\"qty\":" + qty.stripTrailingZeros().toPlainString() + "}}";
        return smaller.withSizing(in.sizing().substring(0, in.sizing().length() - 1) + ai);
    }

    /** One reply as it came back, with the time it took. */
    private record Reply(String content, Throwable error, long latencyMs) {
    }

    private CompletableFuture<Reply> ask(AiSettings s, String prompt, long start) {
        try {
            return client.chat(s.url(), s.model(), AiPrompt.SYSTEM, prompt, Duration.ofMillis(s.timeoutMs()))
                    .handle((c, e) -> new Reply(c, e, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        } catch (RuntimeException e) {  // a URL the HTTP client will not take
            return CompletableFuture.completedFuture(new Reply(null, e, 0));
        }
    }

    private AiAnalysis analysis(Intent in, long now, AiSettings s, String prompt, CompletableFuture<Reply> reply,
                                long start, long deadline) {
        String digest = AiPrompt.sha256(prompt);
        if (reply == null) return row(in, now, s, digest, null, Decision.APPROVE, BigDecimal.ONE, "the level is unavailable", 0,
                Outcome.UNAVAILABLE);
        Reply r;
        try {
            r = reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return row(in, now, s, digest, null, Decision.APPROVE, BigDecimal.ONE, "no answer within "
                    + s.timeoutMs() + " ms", waited, Outcome.TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return row(in, now, s, digest, null, Decision.APPROVE, BigDecimal.ONE, "interrupted", 0, Outcome.TIMEOUT);
        } catch (Exception e) {
            r = new Reply(null, e, 0);
        }
        if (r.error() != null) {
            Throwable cause = r.error() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : r.error();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return row(in, now, s, digest, null, Decision.APPROVE, BigDecimal.ONE, "no answer within "
                        + s.timeoutMs() + " ms", r.latencyMs(), Outcome.TIMEOUT);
            }
            boolean gone = cause instanceof ConnectException || cause instanceof java.nio.channels.ClosedChannelException;
            if (gone) context.unreachable();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return row(in, now, s, digest, cause instanceof OllamaClient.BadReply ? why : null, Decision.APPROVE,
                    BigDecimal.ONE, (gone ? "the server did not answer: " : "bad reply: ") + why, r.latencyMs(),
                    gone ? Outcome.UNAVAILABLE : Outcome.BAD_ANSWER);
        }
        try {
            AiAnswer a = AiAnswer.parse(r.content());
            return row(in, now, s, digest, r.content(), a.decision(), a.factor(), a.reason(), r.latencyMs(), Outcome.ANSWERED);
        } catch (AiAnswer.BadAnswer e) {
            return row(in, now, s, digest, OllamaClient.clip(r.content()), Decision.APPROVE, BigDecimal.ONE,
                    "bad answer: " + e.getMessage(), r.latencyMs(), Outcome.BAD_ANSWER);
        }
    }

    private static AiAnalysis row(Intent in, long now, AiSettings s, String digest, String answer, Decision d,
                                  BigDecimal factor, String reason, long latency, Outcome o) {
        return new AiAnalysis(0, now, in.botId(), in.symbol().toString(), in.qty(), in.refPrice(), s.model(), digest,
                answer, d, factor, reason, latency, o);
    }

    private static RiskRecord refusal(Intent in, long now, String code, String detail, AiAnalysis a) {
        String numbers = "{\"factor\":" + a.factor().stripTrailingZeros().toPlainString() + ",\"latencyMs\":"
                + a.latencyMs() + ",\"prompt\":\"" + a.promptSha256() + "\"}";
        return new RiskRecord(0, now, in.botId(), RiskRecord.Kind.REJECTED, code, detail, RiskGateway.describe(in), numbers);
    }
}
