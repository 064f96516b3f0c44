package dev.flotilla.strategy;

/**
 * One line a strategy draws over its bars for a chart: a value per bar (NaN where the indicator is not yet
 * stable), either on the price scale or in a lower panel of its own (oscillators and their levels).
 */
public record IndicatorLine(String name, Panel panel, double[] values) {

    public enum Panel { PRICE, LOWER }
}
