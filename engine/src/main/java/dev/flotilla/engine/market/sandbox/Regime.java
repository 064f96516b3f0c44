package dev.flotilla.engine.market.sandbox;

/**
 * One stretch of a path's behaviour over minutes [startMinute, endMinute). Trends carry a drift; a range pulls
 * the log price back toward the anchor, the log price at which the range began.
 */
record Regime(Kind kind, long startMinute, long endMinute, double driftPerMinute, double anchor,
              double reversionPerMinute, double volMult) {

    enum Kind { UP, DOWN, RANGE }

    /** Expected change of the log price over the next minute, before noise. */
    double drift(double x) {
        return driftPerMinute - reversionPerMinute * (x - anchor);
    }
}
