package dev.flotilla.ui.screen.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.RunFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatMapTest {

    /** fastPeriod 5..7 across slowPeriod 20 and 30, rsiPeriod held at 14; Sharpe = fast/10 + slow/100. */
    static List<RunFigures> sweep() {
        List<RunFigures> sets = new ArrayList<>();
        for (double slow : new double[] {20, 30}) {
            for (double fast : new double[] {5, 6, 7}) {
                sets.add(Sets.bot("ema-btc-15m", Map.of("fastPeriod", fast, "slowPeriod", slow, "rsiPeriod", 14.0),
                        fast / 100, fast / 10 + slow / 100));
            }
        }
        return sets;
    }

    @Test
    void theGridIsTheFirstSweptParameterAcrossAndTheSecondDown() {
        HeatMap map = HeatMap.of(sweep(), Metric.SHARPE);
        assertThat(map.xName()).isEqualTo("fastPeriod");
        assertThat(map.yName()).isEqualTo("slowPeriod");  // rsiPeriod held one value: not swept
        assertThat(map.xs()).containsExactly(5.0, 6.0, 7.0);
        assertThat(map.ys()).containsExactly(20.0, 30.0);
        assertThat(map.twoDimensional()).isTrue();
        assertThat(map.sets()).isEqualTo(6);
        assertThat(map.cell(0, 0).params()).containsEntry("fastPeriod", 5.0).containsEntry("slowPeriod", 20.0);
        assertThat(map.cell(1, 2).text(Metric.SHARPE)).isEqualTo("1.00");
        assertThat(map.best().params()).containsEntry("fastPeriod", 7.0).containsEntry("slowPeriod", 30.0);
        assertThat(map.ranked().getFirst()).isSameAs(map.best());
        assertThat(map.ranked().getLast().params()).containsEntry("fastPeriod", 5.0).containsEntry("slowPeriod", 20.0);
    }

    @Test
    void theColoursRunFromTheWorstToTheBestOfTheGrid() {
        HeatMap map = HeatMap.of(sweep(), Metric.SHARPE);
        assertThat(map.range()).containsExactly(new double[] {0.7, 1.0}, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(map.share(0.7)).isZero();
        assertThat(map.share(1.0)).isEqualTo(1.0);
        assertThat(HeatMapView.colour(0)).isNotEqualTo(HeatMapView.colour(1));
        assertThat(HeatMapView.colour(Double.NaN)).isEqualTo("#9e9e9e");
    }

    @Test
    void anotherRankingMetricColoursTheSameGridByIt() {
        HeatMap map = HeatMap.of(sweep(), Metric.RETURN);
        assertThat(map.cell(0, 2).text(Metric.RETURN)).isEqualTo("+7.00%");
        // by return the slow period does not matter: the first of the best is kept
        assertThat(map.best().params()).containsEntry("fastPeriod", 7.0);
    }

    @Test
    void aSetWithoutTheMetricIsShownButNeverTheBest() {
        List<RunFigures> sets = new ArrayList<>(sweep());
        sets.set(5, Sets.bot("ema-btc-15m", Map.of("fastPeriod", 7.0, "slowPeriod", 30.0, "rsiPeriod", 14.0), 0, Double.NaN));
        HeatMap map = HeatMap.of(sets, Metric.SHARPE);
        assertThat(map.cell(1, 2).text(Metric.SHARPE)).isEqualTo("-");
        assertThat(map.best().params()).containsEntry("fastPeriod", 7.0).containsEntry("slowPeriod", 20.0);
        assertThat(map.ranked().getLast()).isSameAs(map.cell(1, 2));
    }

    @Test
    void oneSweptParameterIsOneRowAndAThirdKeepsTheBestOfEachCell() {
        List<RunFigures> one = sweep().stream().filter(f -> f.params().get("slowPeriod") == 20.0).toList();
        HeatMap row = HeatMap.of(one, Metric.SHARPE);
        assertThat(row.twoDimensional()).isFalse();
        assertThat(row.ys()).hasSize(1);
        assertThat(row.xs()).containsExactly(5.0, 6.0, 7.0);

        List<RunFigures> three = new ArrayList<>(sweep());
        three.add(Sets.bot("ema-btc-15m", Map.of("fastPeriod", 5.0, "slowPeriod", 20.0, "rsiPeriod", 21.0), 0.2, 3.0));
        HeatMap map = HeatMap.of(three, Metric.SHARPE);
        assertThat(map.xName()).isEqualTo("fastPeriod");
        assertThat(map.yName()).isEqualTo("rsiPeriod");
        assertThat(map.best().value()).isEqualTo(3.0);
    }

    @Test
    void parameterValuesAreWrittenAsTyped() {
        assertThat(HeatMap.number(5.0)).isEqualTo("5");
        assertThat(HeatMap.number(2.5)).isEqualTo("2.5");
    }
}
