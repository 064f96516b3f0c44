package dev.flotilla.engine.strategy;

import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * The six built-in rules written independently as ta4j rules, for BarSeriesManager. "At or above" is the negation
 * of ta4j's strict under-rule. The ATR trend's trailing stop depends on the position, so it is a rule of its own
 * that reads the entry bar from the trading record.
 */
final class Ta4jRules {

    private Ta4jRules() {
    }

    static Rule entry(String id, BarSeries s, Map<String, Double> p) {
        var close = new ClosePriceIndicator(s);
        return switch (id) {
            case "ema-rsi" -> new CrossedUpIndicatorRule(ema(close, p, "fastPeriod"), ema(close, p, "slowPeriod"))
                    .and(new UnderIndicatorRule(new RSIIndicator(close, n(p, "rsiPeriod")), p.get("overbought")));
            case "rsi-reversion" -> new CrossedUpIndicatorRule(new RSIIndicator(close, n(p, "rsiPeriod")), p.get("oversold"));
            case "bollinger-reversion" -> {
                var lower = new BollingerBandFacade(s, n(p, "period"), p.get("stdDevs")).lower();
                yield new UnderIndicatorRule(new PreviousValueIndicator(close), new PreviousValueIndicator(lower))
                        .and(new UnderIndicatorRule(close, lower).negation());
            }
            case "macd-momentum" -> {
                var macd = new MACDIndicator(close, n(p, "fastPeriod"), n(p, "slowPeriod"));
                Rule cross = new CrossedUpIndicatorRule(macd, macd.getSignalLine(n(p, "signalPeriod")));
                yield n(p, "zeroFilter") == 1 ? cross.and(new OverIndicatorRule(macd, 0)) : cross;
            }
            case "donchian-breakout" -> new OverIndicatorRule(close,
                    new PreviousValueIndicator(new HighestValueIndicator(new HighPriceIndicator(s), n(p, "entryPeriod"))));
            case "atr-trend" -> new OverIndicatorRule(close, ema(close, p, "trendPeriod"))
                    .and(new OverIndicatorRule(close, new PreviousValueIndicator(new HighestValueIndicator(close, n(p, "breakoutPeriod")))))
                    .and(new OverIndicatorRule(new ATRIndicator(s, n(p, "atrPeriod")), 0));
            default -> throw new IllegalArgumentException(id);
        };
    }

    static Rule exit(String id, BarSeries s, Map<String, Double> p) {
        var close = new ClosePriceIndicator(s);
        return switch (id) {
            case "ema-rsi" -> new CrossedDownIndicatorRule(ema(close, p, "fastPeriod"), ema(close, p, "slowPeriod"))
                    .and(new OverIndicatorRule(new RSIIndicator(close, n(p, "rsiPeriod")), p.get("oversold")));
            case "rsi-reversion" -> new UnderIndicatorRule(new RSIIndicator(close, n(p, "rsiPeriod")), p.get("exitLevel")).negation();
            case "bollinger-reversion" -> {
                var bands = new BollingerBandFacade(s, n(p, "period"), p.get("stdDevs"));
                var middle = NumericIndicator.of(bands.middle());
                var target = middle.plus(NumericIndicator.of(bands.upper()).minus(middle).multipliedBy(p.get("exitBand")));
                yield new UnderIndicatorRule(close, target).negation();
            }
            case "macd-momentum" -> {
                var macd = new MACDIndicator(close, n(p, "fastPeriod"), n(p, "slowPeriod"));
                yield new CrossedDownIndicatorRule(macd, macd.getSignalLine(n(p, "signalPeriod")));
            }
            case "donchian-breakout" -> new UnderIndicatorRule(close,
                    new PreviousValueIndicator(new LowestValueIndicator(new LowPriceIndicator(s), n(p, "exitPeriod"))));
            case "atr-trend" -> new UnderIndicatorRule(close, ema(close, p, "trendPeriod"))
                    .or(new TrailingStop(close, new ATRIndicator(s, n(p, "atrPeriod")), p.get("atrMultiplier")));
            default -> throw new IllegalArgumentException(id);
        };
    }

    /**
     * The close is below the highest trailing level since the entry bar: at each bar from the entry on, the highest
     * close so far less k ATRs (at the entry bar that is the initial stop), so the level never falls.
     */
    private record TrailingStop(ClosePriceIndicator close, ATRIndicator atr, double k) implements Rule {

        @Override
        public boolean isSatisfied(int index, TradingRecord record) {
            if (record == null || !record.getCurrentPosition().isOpened()) return false;
            double highest = Double.NEGATIVE_INFINITY;
            double stop = Double.NEGATIVE_INFINITY;
            for (int m = record.getCurrentPosition().getEntry().getIndex(); m <= index; m++) {
                highest = Math.max(highest, close.getValue(m).doubleValue());
                stop = Math.max(stop, highest - k * atr.getValue(m).doubleValue());
            }
            return close.getValue(index).doubleValue() < stop;
        }
    }

    private static Indicator<Num> ema(ClosePriceIndicator close, Map<String, Double> p, String name) {
        return new EMAIndicator(close, n(p, name));
    }

    private static int n(Map<String, Double> p, String name) {
        return (int) Math.round(p.get(name));
    }
}
