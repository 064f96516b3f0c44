package dev.flotilla.engine.market.sandbox;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The price path of one symbol. Minutes are generated in order, on demand, and folded into 15-minute blocks
 * aligned to UTC; every timeframe is a whole number of blocks, so candles of all timeframes come from the same
 * blocks and agree exactly. A block keeps the state it started from, so its minutes can be replayed for the
 * current price without storing every minute. All access is serialised on the path.
 */
final class PricePath {
    static final long MINUTE_MS = 60_000;
    private static final long BLOCK_MS = 15 * MINUTE_MS;
    private static final int MINUTES_PER_BLOCK = 15;

    private final SymbolProfile profile;
    private final MinuteModel model;
    private final RegimeSchedule regimes;
    private final long firstMinuteMs;
    private final long firstBlockMs;
    /** Minutes of block 0 that lie before minute 0 when the origin is not on a quarter hour. */
    private final int offset;

    private long[] open = new long[1024];
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private long[] close = new long[1024];
    private long[] volumeLots = new long[1024];
    private double[] startX = new double[1024];
    private int[] startRegime = new int[1024];
    private int blocks;
    private final Minute cursor;
    private int regimeIndex;
    /** The last minute replayed and the state after it: the next price asked is usually a few seconds later. */
    private long replayedMinute = -1;
    private int replayedRegime;
    private final Minute replayed = new Minute(0, 0);

    PricePath(SymbolProfile profile, long seed, long originMs) {
        this.profile = profile;
        long key = CounterRandom.key(seed, profile.symbol().toString());
        this.model = new MinuteModel(profile, key);
        this.regimes = new RegimeSchedule(key, model.home(), profile.dailyVol());
        this.firstMinuteMs = Math.ceilDiv(originMs, MINUTE_MS) * MINUTE_MS;
        this.firstBlockMs = Math.floorDiv(firstMinuteMs, BLOCK_MS) * BLOCK_MS;
        this.offset = (int) ((firstMinuteMs - firstBlockMs) / MINUTE_MS);
        this.cursor = model.start();
        regimes.append(0, cursor.x);
    }

    SymbolProfile profile() {
        return profile;
    }

    /**
     * Closed candles opening at or after {@code fromOpenTime} and closing at or before {@code closedBy}, none
     * starting before the path does, oldest first, at most {@code limit}.
     */
    synchronized List<Candle> closedCandles(Timeframe tf, long fromOpenTime, long closedBy, int limit) {
        if (limit <= 0 || closedBy < firstMinuteMs) return List.of();
        long tfMs = tf.millis();
        long first = Math.max(Math.ceilDiv(fromOpenTime, tfMs), Math.ceilDiv(firstMinuteMs, tfMs)) * tfMs;
        long last = Math.floorDiv(closedBy, tfMs) * tfMs - tfMs;
        if (last < first) return List.of();
        int count = (int) Math.min(limit, (last - first) / tfMs + 1);
        int blocksPerCandle = (int) (tfMs / BLOCK_MS);
        int firstBlock = blockAt(first);
        ensureBlocks(Math.toIntExact(firstBlock + (long) count * blocksPerCandle));
        List<Candle> candles = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            candles.add(aggregate(first + c * tfMs, firstBlock + c * blocksPerCandle, blocksPerCandle));
        }
        return candles;
    }

    /**
     * The price in ticks at {@code timeMs}, moving linearly from the minute's open to its close so that it stays
     * within the minute's range. Before the path starts it is the starting price.
     */
    synchronized long ticksAt(long timeMs) {
        if (timeMs < firstMinuteMs) return model.start().close;
        long minute = (timeMs - firstMinuteMs) / MINUTE_MS;
        Minute m = replay(minute);
        double fraction = (double) ((timeMs - firstMinuteMs) % MINUTE_MS) / MINUTE_MS;
        return Math.round(m.open + (m.close - m.open) * fraction);
    }

    /** The bar of the minute containing {@code timeMs}, which must not lie before the path starts. */
    synchronized MinuteBar minuteAt(long timeMs) {
        if (timeMs < firstMinuteMs) throw new IllegalArgumentException("before the sandbox origin");
        long minute = (timeMs - firstMinuteMs) / MINUTE_MS;
        Minute m = replay(minute);
        return new MinuteBar(firstMinuteMs + minute * MINUTE_MS, profile.price(m.open), profile.price(m.high),
                profile.price(m.low), profile.price(m.close), m.volumeLots * profile.volumeLot());
    }

    private Candle aggregate(long openTime, int firstBlock, int count) {
        long hi = Long.MIN_VALUE;
        long lo = Long.MAX_VALUE;
        long lots = 0;
        for (int b = firstBlock; b < firstBlock + count; b++) {
            hi = Math.max(hi, high[b]);
            lo = Math.min(lo, low[b]);
            lots += volumeLots[b];
        }
        return new Candle(openTime, profile.price(open[firstBlock]), profile.price(hi), profile.price(lo),
                profile.price(close[firstBlock + count - 1]), lots * profile.volumeLot());
    }

    private int blockAt(long timeMs) {
        return Math.toIntExact(Math.floorDiv(timeMs - firstBlockMs, BLOCK_MS));
    }

    private long firstMinuteOf(int block) {
        return Math.max(0, (long) block * MINUTES_PER_BLOCK - offset);
    }

    /**
     * Steps the minutes of the block containing {@code minute} again, from the state the block started with, or
     * from the last minute replayed when that lies earlier in the same block: stepping on from a state gives the same
     * minutes as stepping to it and on, so the answer is the same either way.
     */
    private Minute replay(long minute) {
        int block = (int) ((minute + offset) / MINUTES_PER_BLOCK);
        ensureBlocks(block + 1);
        Minute m;
        int r;
        long from;
        if (replayedMinute >= firstMinuteOf(block) && replayedMinute <= minute
                && (int) ((replayedMinute + offset) / MINUTES_PER_BLOCK) == block) {
            m = copy(replayed);
            r = replayedRegime;
            from = replayedMinute + 1;
        } else {
            m = new Minute(startX[block], open[block]);
            r = startRegime[block];
            from = firstMinuteOf(block);
        }
        for (long i = from; i <= minute; i++) {
            r = regimeFor(r, i, m.x);
            model.step(i, regimes.get(r), m);
        }
        replayedMinute = minute;
        replayedRegime = r;
        copyInto(m, replayed);
        return m;
    }

    private static Minute copy(Minute m) {
        Minute c = new Minute(m.x, m.close);
        copyInto(m, c);
        return c;
    }

    private static void copyInto(Minute from, Minute to) {
        to.x = from.x;
        to.open = from.open;
        to.high = from.high;
        to.low = from.low;
        to.close = from.close;
        to.volumeLots = from.volumeLots;
    }

    private int regimeFor(int index, long minute, double x) {
        while (minute >= regimes.get(index).endMinute()) {
            index++;
            if (index == regimes.size()) regimes.append(minute, x);
        }
        return index;
    }

    private void ensureBlocks(int needed) {
        while (blocks < needed) {
            generateBlock();
        }
    }

    private void generateBlock() {
        int k = blocks;
        if (k == open.length) grow();
        startX[k] = cursor.x;
        startRegime[k] = regimeIndex;
        open[k] = cursor.close;
        long hi = Long.MIN_VALUE;
        long lo = Long.MAX_VALUE;
        long lots = 0;
        long end = (long) k * MINUTES_PER_BLOCK + MINUTES_PER_BLOCK - offset;
        for (long i = firstMinuteOf(k); i < end; i++) {
            regimeIndex = regimeFor(regimeIndex, i, cursor.x);
            model.step(i, regimes.get(regimeIndex), cursor);
            hi = Math.max(hi, cursor.high);
            lo = Math.min(lo, cursor.low);
            lots += cursor.volumeLots;
        }
        high[k] = hi;
        low[k] = lo;
        close[k] = cursor.close;
        volumeLots[k] = lots;
        blocks++;
    }

    private void grow() {
        int size = open.length * 2;
        open = Arrays.copyOf(open, size);
        high = Arrays.copyOf(high, size);
        low = Arrays.copyOf(low, size);
        close = Arrays.copyOf(close, size);
        volumeLots = Arrays.copyOf(volumeLots, size);
        startX = Arrays.copyOf(startX, size);
        startRegime = Arrays.copyOf(startRegime, size);
    }
}
