package dev.flotilla.engine.node;

import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.store.Store;
import java.util.Locale;
import java.util.Optional;

/**
 * The kill switch of a fleet shared by engine nodes, through the database: an operator on any machine sets it
 * ({@code flotilla node --db URL --kill-switch on|flatten|off}), and every node applies it to the engine it runs at
 * its next look (each heartbeat), and again to every engine it builds afterwards, so a bot handed over stays halted.
 * The request is a setting, {@code cluster.kill_switch}, holding a sequence number and the state asked for; the
 * fleet's own risk state is still written only by the engines that run it.
 */
public final class ClusterKillSwitch {

    public static final String KEY = "cluster.kill_switch";

    /** What the operator asks of the whole fleet. */
    public enum State { ON, FLATTEN, OFF }

    /** A request as stored: its place in the order of requests and what it asks. */
    public record Request(long seq, State state) {
        static Optional<Request> parse(String text) {
            if (text == null) return Optional.empty();
            int colon = text.indexOf(':');
            try {
                return Optional.of(new Request(Long.parseLong(text.substring(0, colon)), State.valueOf(text.substring(colon + 1))));
            } catch (RuntimeException e) {
                return Optional.empty();  // not one of ours: ignored, as if never asked
            }
        }
    }

    private Engine appliedTo;
    private long appliedSeq = -1;

    /** Stores a new request for every node; returns it. */
    public static Request request(Store store, State state) {
        long seq = current(store).map(Request::seq).orElse(0L) + 1;
        Request r = new Request(seq, state);
        store.write(tx -> tx.setting(KEY, seq + ":" + state.name()));
        return r;
    }

    /** The latest request, if any was made. */
    public static Optional<Request> current(Store store) {
        return store.setting(KEY).flatMap(Request::parse);
    }

    /** Parses the option's value: on, flatten or off. */
    public static State parse(String text) {
        try {
            return State.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--kill-switch takes on, flatten or off, not '" + text + "'");
        }
    }

    /**
     * Applies the latest request to {@code engine} unless it was applied to it already. A new engine (bots adopted)
     * whose fleet is already as asked is left as it is, so a halted fleet is not halted twice.
     *
     * @return the request applied now, if one was
     */
    Optional<Request> apply(Store store, Engine engine) {
        if (engine == null) return Optional.empty();
        Optional<Request> r = current(store);
        if (r.isEmpty() || (engine == appliedTo && r.get().seq() == appliedSeq)) return Optional.empty();
        // an engine built again finds the switch as the last engine committed it: only a difference is applied
        boolean fresh = engine != appliedTo;
        boolean on = engine.risk().status().killSwitch();
        switch (r.get().state()) {
            case ON -> { if (!(fresh && on)) engine.risk().killSwitchOn(false); }
            case FLATTEN -> { if (!(fresh && on)) engine.risk().killSwitchOn(true); }
            case OFF -> { if (on) engine.risk().killSwitchOff(); }
        }
        appliedTo = engine;
        appliedSeq = r.get().seq();
        return r;
    }
}
