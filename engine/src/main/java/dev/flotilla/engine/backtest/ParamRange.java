package dev.flotilla.engine.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a sweep tries for one parameter: {@code 5..20:1} (from 5 to 20 in steps of 1, both ends included),
 * {@code 5..20} (step 1), or a list {@code 5,8,13}. Decimal steps are exact ({@code 1.5..3:0.5} is 1.5, 2, 2.5, 3).
 */
public record ParamRange(String name, List<Double> values) {

    /** More values than this in one range is a typing mistake, not a sweep. */
    static final int MAX_VALUES = 10_000;

    public ParamRange {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("--param " + name + ": no values");
    }

    /** Parses {@code name=spec}; the message of a bad one says what is expected. */
    public static ParamRange parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--param: expected NAME=FROM..TO:STEP or NAME=A,B,C, got '" + text + "'");
        }
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        try {
            List<Double> values = new ArrayList<>();
            if (spec.contains("..")) {
                String[] fromRest = spec.split("\\.\\.", 2);
                String[] toStep = fromRest[1].split(":", 2);
                BigDecimal from = new BigDecimal(fromRest[0].trim());
                BigDecimal to = new BigDecimal(toStep[0].trim());
                BigDecimal step = toStep.length > 1 ? new BigDecimal(toStep[1].trim()) : BigDecimal.ONE;
                if (step.signum() <= 0) throw new IllegalArgumentException("--param " + name + ": the step must be above 0");
                if (to.compareTo(from) < 0) throw new IllegalArgumentException("--param " + name + ": " + to + " is below " + from);
                for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                    if (values.size() >= MAX_VALUES) throw new IllegalArgumentException("--param " + name + ": more than " + MAX_VALUES + " values");
                    values.add(v.doubleValue());
                }
            } else {
                for (String v : spec.split(",")) values.add(new BigDecimal(v.trim()).doubleValue());
            }
            return new ParamRange(name, values);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--param " + name + ": '" + spec + "' is not FROM..TO:STEP or A,B,C of numbers");
        }
    }
}
