package dev.flotilla.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTest {

    static final long H = 3_600_000;

    @Test
    void drawdownItsDurationAndTheTradeFigures() {
        long[] t = {0, H, 2 * H, 3 * H, 4 * H, 5 * H};
        double[] e = {100, 120, 90, 96, 121, 110};  // peak 120 at 1h, low 90 (25%), back above at 4h; 110 at the end
        List<Performance.Trade> trades = List.of(new Performance.Trade(0, H, 20, 1), new Performance.Trade(H, 2 * H, -30, 1),
                new Performance.Trade(3 * H, 4 * H, 25, 0.5));
        Performance p = Performance.of(t, e, trades, 0, 6 * H);
        assertThat(p.totalReturn()).isCloseTo(0.10, within(1e-12));
        assertThat(p.maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(p.maxDrawdownMs()).isEqualTo(3 * H);  // 1h until 4h; the fall from 121 at 4h lasts 2h to the end
        assertThat(p.trades()).isEqualTo(3);
        assertThat(p.winRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(p.profitFactor()).isCloseTo(45 / 30.0, within(1e-12));
        assertThat(p.averageHoldingMs()).isEqualTo(H);
        assertThat(p.timeInMarket()).isCloseTo(0.5, within(1e-12));
        assertThat(p.fees()).isCloseTo(2.5, within(1e-12));
        assertThat(p.calmar()).isCloseTo(p.cagr() / 0.25, within(1e-9));
    }

    @Test
    void aFleetsOverlappingTradesCountOnceInItsTimeInMarket() {
        long[] t = {0, 10 * H};
        double[] e = {100, 100};
        // two bots: 1h-4h and 2h-6h overlap (5h together), 8h-9h apart, and one opened before the period
        List<Performance.Trade> trades = List.of(new Performance.Trade(H, 4 * H, 1, 0), new Performance.Trade(2 * H, 6 * H, 1, 0),
                new Performance.Trade(8 * H, 9 * H, 1, 0), new Performance.Trade(-5 * H, H / 2, 1, 0));
        Performance p = Performance.of(t, e, trades, 0, 10 * H);
        assertThat(p.timeInMarket()).isCloseTo((5 + 1 + 0.5) / 10, within(1e-12));
        assertThat(p.averageHoldingMs()).isEqualTo((3 * H + 4 * H + H + H / 2) / 4);
    }

    @Test
    void ratiosAreAnnualisedFromTheSamplePeriod() {
        // alternating +1% / -0.5% hourly: mean, deviation and downside deviation known by hand
        int n = 101;
        long[] t = new long[n];
        double[] e = new double[n];
        e[0] = 1000;
        for (int i = 1; i < n; i++) {
            t[i] = i * H;
            e[i] = e[i - 1] * (i % 2 == 1 ? 1.01 : 0.995);
        }
        Performance p = Performance.of(t, e, List.of(), 0, 100 * H);
        double mean = (0.01 - 0.005) / 2;
        double std = Math.sqrt(100 * Math.pow(0.0075, 2) / 99);
        double down = Math.sqrt(50 * 0.005 * 0.005 / 100);
        double perYear = Performance.YEAR_MS / H;
        assertThat(p.sharpe()).isCloseTo(mean / std * Math.sqrt(perYear), within(1e-6));
        assertThat(p.sortino()).isCloseTo(mean / down * Math.sqrt(perYear), within(1e-6));
        assertThat(p.cagr()).isCloseTo(Math.pow(e[100] / 1000, perYear / 100) - 1, within(1e-6));
        assertThat(p.winRate()).isNaN();
        assertThat(p.profitFactor()).isNaN();
    }

    @Test
    void aFlatCurveHasNoRatios() {
        Performance p = Performance.of(new long[] {0, H, 2 * H}, new double[] {50, 50, 50}, List.of(), 0, 2 * H);
        assertThat(p.totalReturn()).isZero();
        assertThat(p.maxDrawdown()).isZero();
        assertThat(p.sharpe()).isNaN();
        assertThat(p.sortino()).isNaN();
        assertThat(p.calmar()).isNaN();
        assertThat(p.maxDrawdownMs()).isZero();
    }

    @Test
    void aRisingCurveHasNoDrawdownAndAFallNotMadeGoodLastsToTheEnd() {
        Performance up = Performance.of(new long[] {0, H, 2 * H}, new double[] {50, 60, 70}, List.of(), 0, 2 * H);
        assertThat(up.maxDrawdown()).isZero();
        assertThat(up.maxDrawdownMs()).isZero();
        Performance down = Performance.of(new long[] {0, H, 2 * H, 3 * H}, new double[] {50, 60, 55, 58}, List.of(), 0, 5 * H);
        assertThat(down.maxDrawdownMs()).isEqualTo(4 * H);  // under the 1h peak until the period ends at 5h
    }
}
