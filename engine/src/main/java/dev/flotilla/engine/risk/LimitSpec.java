package dev.flotilla.engine.risk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one description of a limit: its name (the record component and the stored key), what a person calls it,
 * its default, its allowed range and unit (the {@link LimitRule}), and what it does in one line. A limits record
 * lists its specs in component order; its defaults, parsing, {@code values()} and {@code with()} come from them.
 */
public record LimitSpec(LimitRule rule, String label, BigDecimal defaultValue, String meaning) {

    public LimitSpec {
        defaultValue = rule.parse(defaultValue.toPlainString());  // a default outside its own range fails at start
    }

    static LimitSpec fraction(String name, String label, String defaultValue, String max, String meaning) {
        return new LimitSpec(LimitRule.fraction(name, max), label, new BigDecimal(defaultValue), meaning);
    }

    static LimitSpec fractionOrOff(String name, String label, String defaultValue, String max, String meaning) {
        return new LimitSpec(LimitRule.fractionOrOff(name, max), label, new BigDecimal(defaultValue), meaning);
    }

    static LimitSpec whole(String name, String label, int defaultValue, int max, String meaning) {
        return new LimitSpec(LimitRule.whole(name, max), label, BigDecimal.valueOf(defaultValue), meaning);
    }

    static LimitSpec amount(String name, String label, String defaultValue, String max, String meaning) {
        return new LimitSpec(LimitRule.amount(name, max), label, new BigDecimal(defaultValue), meaning);
    }

    public String name() {
        return rule.name();
    }

    static List<LimitRule> rules(List<LimitSpec> specs) {
        return specs.stream().map(LimitSpec::rule).toList();
    }

    static Map<String, String> defaults(List<LimitSpec> specs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LimitSpec s : specs) m.put(s.name(), s.defaultValue().toPlainString());
        return m;
    }

    /** The values of {@code limits} by name, in the order of {@code specs}, read through the record's accessors. */
    static Map<String, String> values(Record limits, List<LimitSpec> specs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LimitSpec s : specs) {
            Object v = read(limits, component(limits.getClass(), s.name()));
            m.put(s.name(), v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        return m;
    }

    /**
     * A limits record from checked values by name; the components that are not limits take {@code others}, in order.
     */
    static <R extends Record> R build(Class<R> type, List<LimitSpec> specs, Map<String, String> values, Object... others) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        int other = 0;
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            boolean limit = specs.stream().anyMatch(s -> s.name().equals(name));
            if (!limit) {
                args[i] = others[other++];
                continue;
            }
            BigDecimal v = new BigDecimal(values.get(name));
            args[i] = components[i].getType() == int.class ? v.intValueExact() : v;
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " from its limits", e);
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no component " + name));
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
