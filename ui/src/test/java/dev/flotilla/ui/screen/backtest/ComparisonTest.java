package dev.flotilla.ui.screen.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void twoRunsSideBySideMarkTheBetterOfEachFigure() {
        List<Comparison.Row> rows = Comparison.of(Sets.fleet(0.05, 1.2), Sets.fleet(0.02, 2.0));
        assertThat(rows).extracting(r -> r.metric()).containsExactly(Metric.values());
        Comparison.Row ret = rows.get(Metric.RETURN.ordinal());
        assertThat(ret.a()).isEqualTo("+5.00%");
        assertThat(ret.b()).isEqualTo("+2.00%");
        assertThat(ret.better()).isEqualTo(-1);
        assertThat(rows.get(Metric.SHARPE.ordinal()).better()).isEqualTo(1);
        // equal drawdowns: neither is better; trades are a count, not a merit
        assertThat(rows.get(Metric.MAX_DRAWDOWN.ordinal()).better()).isZero();
        assertThat(rows.get(Metric.TRADES.ordinal()).better()).isZero();
    }

    @Test
    void aSmallerDrawdownIsTheBetterOne() {
        var a = Sets.fleet(0.05, 1.2);
        var b = new dev.flotilla.engine.model.RunFigures("*", "", "", "", java.util.Map.of(), 30_000, 31_000,
                Sets.performance(0.05, 0.01, 1.2, 30), 0.02);
        assertThat(Comparison.of(a, b).get(Metric.MAX_DRAWDOWN.ordinal()).better()).isEqualTo(1);
    }
}
