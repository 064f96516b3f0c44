package dev.flotilla.engine.api;



/**
 * One line a strategy draws over a bot's chart: a value per candle (NaN where the indicator is not yet stable),
 * either on the price scale or in a lower panel of its own (oscillators and their levels).
 */
public record ChartLine(String name, Panel panel, double[] values) {

    public enum Panel { PRICE, LOWER }
}
