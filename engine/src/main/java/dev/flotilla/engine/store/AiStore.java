package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.AI_ANALYSES;

import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.engine.store.jooq.tables.records.AiAnalysesRecord;
import java.util.List;

/** The AI level's analyses: written inside the transaction of the candle close they belong to, read for the console. */
public final class AiStore {

    private final Store store;

    public AiStore(Store store) {
        this.store = store;
    }

    /** The most recent analyses, newest first. */
    public List<AiAnalysis> recent(int limit) {
        return store.read(ctx -> ctx.selectFrom(AI_ANALYSES).orderBy(AI_ANALYSES.ID.desc()).limit(limit).fetch(AiStore::row));
    }

    /** A bot's vetoed entries since {@code since} (engine time), oldest first, for its chart. */
    public List<AiAnalysis> vetoes(String botId, long since, int limit) {
        return store.read(ctx -> ctx.selectFrom(AI_ANALYSES).where(AI_ANALYSES.BOT_ID.eq(botId))
                .and(AI_ANALYSES.DECISION.eq(AiAnalysis.Decision.VETO.name())).and(AI_ANALYSES.AT.ge(since))
                .orderBy(AI_ANALYSES.ID.desc()).limit(limit).fetch(AiStore::row).reversed());
    }

    private static AiAnalysis row(AiAnalysesRecord r) {
        return new AiAnalysis(r.getId(), r.getAt(), r.getBotId(), r.getSymbol(), Num.dec(r.getQty()), Num.dec(r.getPrice()),
                r.getModel(), r.getPromptSha256(), r.getAnswer(), AiAnalysis.Decision.valueOf(r.getDecision()),
                Num.dec(r.getFactor()), r.getReason(), r.getLatencyMs(), AiAnalysis.Outcome.valueOf(r.getOutcome()));
    }

    /** Stores one analysis inside the caller's transaction. */
    public static void analysis(Tx tx, AiAnalysis a) {
        tx.dsl().insertInto(AI_ANALYSES, AI_ANALYSES.AT, AI_ANALYSES.BOT_ID, AI_ANALYSES.SYMBOL, AI_ANALYSES.QTY,
                        AI_ANALYSES.PRICE, AI_ANALYSES.MODEL, AI_ANALYSES.PROMPT_SHA256, AI_ANALYSES.ANSWER,
                        AI_ANALYSES.DECISION, AI_ANALYSES.FACTOR, AI_ANALYSES.REASON, AI_ANALYSES.LATENCY_MS,
                        AI_ANALYSES.OUTCOME)
                .values(a.at(), a.botId(), a.symbol(), Num.str(a.qty()), Num.str(a.price()), a.model(), a.promptSha256(),
                        a.answer(), a.decision().name(), Num.str(a.factor()), a.reason(), a.latencyMs(), a.outcome().name())
                .execute();
    }
}
