package dev.flotilla.engine.strategy;

import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.Bar;
import org.ta4j.core.BarBuilder;
import org.ta4j.core.BarSeries;
import org.ta4j.core.bars.TimeBarBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * A feed's series of closed bars, grown one bar at a time and keeping at most {@code maxBars}, with indices counted
 * from the feed's first bar as ta4j's own series counts them.
 *
 * <p>ta4j treats the newest bar of a series as one that may still be forming: an indicator's value there skips its
 * cache behind two locks and is computed again once a newer bar arrives. A closed candle never changes, so this
 * series reports its end one past its newest bar ({@link #newestIndex()} is the newest), which sends every value down
 * the ordinary cache path, computed once. Its bars sit in a ring, where ta4j's list shifts every bar it keeps each
 * time it drops the oldest. Bars already dropped read as the oldest one held, as in ta4j's series.
 */
public final class ClosedBarSeries implements BarSeries {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final int maxBars;
    private final NumFactory numFactory = DoubleNumFactory.getInstance();
    private Bar[] ring = new Bar[16];
    /** Bars ever added; the newest has index {@code added - 1}. */
    private int added;

    public ClosedBarSeries(String name, int maxBars) {
        if (maxBars < 1) throw new IllegalArgumentException("a series keeps at least one bar, not " + maxBars);
        this.name = name;
        this.maxBars = maxBars;
    }

    /** The index of the newest bar, -1 while there is none. */
    public int newestIndex() {
        return added - 1;
    }

    @Override
    public NumFactory numFactory() {
        return numFactory;
    }

    @Override
    public BarBuilder barBuilder() {
        return new TimeBarBuilder(numFactory).bindTo(this);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Bar getBar(int i) {
        if (i < 0 || i >= added) throw new IndexOutOfBoundsException("no bar " + i + " in " + name + " of " + added);
        return ring[Math.max(i, getRemovedBarsCount()) % ring.length];
    }

    @Override
    public Bar getLastBar() {
        return getBar(newestIndex());
    }

    @Override
    public int getBarCount() {
        return added - getRemovedBarsCount();
    }

    @Override
    public List<Bar> getBarData() {
        List<Bar> bars = new ArrayList<>(getBarCount());
        for (int i = getRemovedBarsCount(); i < added; i++) bars.add(getBar(i));
        return bars;
    }

    @Override
    public int getBeginIndex() {
        return added == 0 ? -1 : getRemovedBarsCount();
    }

    /** One past the newest bar, so that ta4j caches the newest bar's values as it does every other's. */
    @Override
    public int getEndIndex() {
        return added;
    }

    @Override
    public int getMaximumBarCount() {
        return maxBars;
    }

    /** Fixed: indicators size their caches from it when they are built. */
    @Override
    public void setMaximumBarCount(int maximumBarCount) {
        throw new UnsupportedOperationException("the bound of " + name + " is fixed at " + maxBars);
    }

    @Override
    public int getRemovedBarsCount() {
        return Math.max(0, added - maxBars);
    }

    @Override
    public void addBar(Bar bar, boolean replace) {
        if (replace) throw new UnsupportedOperationException("the bars of " + name + " are closed; none is replaced");
        if (!numFactory.produces(bar.getClosePrice())) throw new IllegalArgumentException("a bar of " + name + " is not DoubleNum");
        if (added > 0 && !bar.getEndTime().isAfter(getLastBar().getEndTime())) {
            throw new IllegalArgumentException("a bar of " + name + " does not close after the one before it: "
                    + bar.getEndTime() + " after " + getLastBar().getEndTime());
        }
        if (added == ring.length && ring.length < maxBars) grow();
        ring[added % ring.length] = bar;
        added++;
    }

    /** Doubles the ring, up to the bound; only while no bar has been dropped, so every bar keeps its slot. */
    private void grow() {
        Bar[] bigger = new Bar[(int) Math.min(maxBars, 2L * ring.length)];
        System.arraycopy(ring, 0, bigger, 0, ring.length);
        ring = bigger;
    }

    @Override
    public void addTrade(Num tradeVolume, Num tradePrice) {
        throw new UnsupportedOperationException("the bars of " + name + " are closed");
    }

    @Override
    public void addPrice(Num price) {
        throw new UnsupportedOperationException("the bars of " + name + " are closed");
    }

    @Override
    public BarSeries getSubSeries(int startIndex, int endIndex) {
        throw new UnsupportedOperationException("no sub-series of " + name);
    }
}
