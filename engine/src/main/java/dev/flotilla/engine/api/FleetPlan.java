package dev.flotilla.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What applying a fleet file would do to the running fleet: the bots it adds (in the file, not in the fleet), the bots
 * it changes (in both, defined differently), the bots it removes (in the fleet, not in the file), and how many it
 * leaves as they are. Every bot in it has already been checked with the engine's rules.
 */
public record FleetPlan(List<Bot> add, List<Bot> change, List<Bot> remove, int unchanged) {

    /**
     * One bot of the plan.
     *
     * @param description what the bot is (after the change, for a changed bot), e.g. "ema-rsi on BTC/USDT 15m, 10000 USDT"
     * @param changes for a changed bot, each field that changes, old → new (e.g. "params fastPeriod 9 → 12"); else empty
     */
    public record Bot(String id, String description, List<String> changes) {
        public Bot {
            changes = List.copyOf(changes);
        }
    }

    public FleetPlan {
        add = List.copyOf(add);
        change = List.copyOf(change);
        remove = List.copyOf(remove);
    }

    /** Whether the file matches the running fleet: nothing to do. */
    public boolean empty() {
        return add.isEmpty() && change.isEmpty() && remove.isEmpty();
    }

    /** "2 to add, 1 to change, 1 to remove, 41 unchanged". */
    public String counts() {
        return add.size() + " to add, " + change.size() + " to change, " + remove.size() + " to remove, " + unchanged + " unchanged";
    }

    /** The plan as text, a line per bot and per changed field, as the command line prints it and the log keeps it. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        section(lines, "Add", "+", add);
        section(lines, "Change", "~", change);
        section(lines, "Remove", "-", remove);
        lines.add(empty() ? "nothing to change: the file matches the running fleet (" + unchanged + " bots)" : counts());
        return lines;
    }

    private static void section(List<String> lines, String title, String mark, List<Bot> bots) {
        if (bots.isEmpty()) return;
        lines.add(title + " (" + bots.size() + "):");
        for (Bot b : bots) {
            lines.add("  " + mark + " " + b.id() + ": " + b.description());
            b.changes().forEach(c -> lines.add("      " + c));
        }
    }

    /**
     * A digest of the plan: apply a previewed plan with it, and the engine refuses when the fleet has moved since so that
     * the same file would now do something else.
     */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
