package dev.flotilla.ui.screen.botform;

import dev.flotilla.engine.api.ParamInfo;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One strategy parameter in the bot form: its text, its allowed range as a hint, and its message. */
public final class ParamField {

    private final ParamInfo spec;
    private final StringProperty text = new SimpleStringProperty("");
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    ParamField(ParamInfo spec, String value) {
        this.spec = spec;
        this.text.set(value);
    }

    public ParamInfo spec() {
        return spec;
    }

    public StringProperty text() {
        return text;
    }

    /** Empty when the value is allowed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** "whole number 2 to 100, default 9: bars of the fast EMA" */
    public String hint() {
        return (spec.integer() ? "whole number " : "number ") + num(spec.min()) + " to " + num(spec.max()) + ", default "
                + num(spec.defaultValue()) + ": " + spec.description();
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
