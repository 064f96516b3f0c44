package dev.flotilla.engine.history;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Brings archive kline files into the store's candles table in one transaction: all of them or, on any bad row, none. */
public final class HistoryImport {

    /** Rows per insert statement, well inside SQLite's limit of bound values. */
    static final int CHUNK = 1_000;

    /** What an import did: candles read per feed, and how many of all of them the store did not hold yet. */
    public record Result(Map<Feed, List<Candle>> read, long added) {
        public long candles() {
            return read.values().stream().mapToLong(List::size).sum();
        }
    }

    private HistoryImport() {
    }

    /** @throws HistoryImportException when any row is bad (nothing is stored then) */
    public static Result from(Path fileOrFolder, Store store) {
        Map<Feed, List<Candle>> read = KlineArchive.read(fileOrFolder);
        long before = store.count("candles");
        store.write(tx -> read.forEach((feed, candles) -> {
            for (int i = 0; i < candles.size(); i += CHUNK) {
                tx.candles(feed, candles.subList(i, Math.min(candles.size(), i + CHUNK)));
            }
        }));
        return new Result(read, store.count("candles") - before);
    }
}
