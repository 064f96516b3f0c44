package dev.flotilla.ui.screen.dashboard;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.FleetSnapshot;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fleet's headline numbers from a snapshot and the stored equity history: pure arithmetic, so it is
 * tested without a window.
 *
 * @param dayOpen   equity at 00:00 UTC of the engine's day (the last snapshot at or before it, else the
 *                  day's first, else the capital)
 * @param exposure  value of the open positions as a fraction of equity
 * @param drawdown  distance below the highest equity seen, as a fraction of that peak
 */
public record Figures(BigDecimal equity, BigDecimal dayOpen, BigDecimal dayPnl, double dayPnlFraction,
                      BigDecimal positionValue, double exposure, BigDecimal peak, double drawdown) {

    static final long DAY = 86_400_000L;

    public static Figures of(FleetSnapshot s, List<EquityPoint> history) {
        BigDecimal equity = s.equity();
        long midnight = Math.floorDiv(s.engineTime(), DAY) * DAY;
        BigDecimal dayOpen = null;
        BigDecimal firstToday = null;
        BigDecimal peak = equity;
        for (EquityPoint p : history) {
            if (p.time() <= midnight) dayOpen = p.equity();
            else if (firstToday == null && p.time() < midnight + DAY) firstToday = p.equity();
            if (p.equity().compareTo(peak) > 0) peak = p.equity();
        }
        if (dayOpen == null) dayOpen = firstToday != null ? firstToday : s.capital();
        BigDecimal dayPnl = equity.subtract(dayOpen);
        BigDecimal positions = BigDecimal.ZERO;
        for (BotView b : s.bots()) positions = positions.add(b.equity().subtract(b.cash()));
        return new Figures(equity, dayOpen, dayPnl, ratio(dayPnl, dayOpen), positions, ratio(positions, equity), peak,
                ratio(peak.subtract(equity), peak));
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return b == null || b.signum() == 0 ? 0 : a.doubleValue() / b.doubleValue();
    }
}
