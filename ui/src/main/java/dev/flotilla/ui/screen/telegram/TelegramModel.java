package dev.flotilla.ui.screen.telegram;

import dev.flotilla.engine.api.TelegramApi;
import dev.flotilla.engine.api.TelegramApi.Config;
import dev.flotilla.engine.api.TelegramApi.Kind;
import dev.flotilla.engine.api.TelegramApi.Status;
import dev.flotilla.engine.api.TelegramApi.TestResult;
import dev.flotilla.ui.fx.Loader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Telegram dialog's state: the token being entered (never read back: the keychain keeps it), the chats, which
 * events are told, the last test's verdict and how the bot is doing. Every call to the {@link TelegramApi} goes
 * through the {@link Loader}: Telegram and the keychain may take seconds.
 */
public final class TelegramModel {

    public enum State { IDLE, BUSY, GOOD, FAILED }

    private final TelegramApi api;
    private final Loader loader;
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty chats = new SimpleStringProperty("");
    private final Map<Kind, BooleanProperty> kinds = new EnumMap<>(Kind.class);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    /** @param api the app's Telegram bot, or null where the console has none */
    public TelegramModel(TelegramApi api, Loader loader) {
        this.api = api;
        this.loader = loader;
        for (Kind k : Kind.values()) kinds.put(k, new SimpleBooleanProperty(true));
        if (api == null) status.set("The Telegram bot is not available in this console.");
        else refresh(true);
    }

    public boolean available() {
        return api != null;
    }

    private void refresh(boolean withConfig) {
        loader.load(() -> new Object[]{withConfig ? api.config() : null, api.status()}, r -> {
            if (r[0] instanceof Config c) {
                chats.set(String.join(", ", c.chatIds().stream().map(String::valueOf).toList()));
                kinds.forEach((k, p) -> p.set(c.kinds().contains(k)));
            }
            status.set(describe((Status) r[1]));
        }, e -> status.set("The bot's state could not be read: " + reason(e)));
    }

    static String describe(Status s) {
        String kept = s.tokenKeptIn() == null ? "No token is kept." : "Token kept in the " + s.tokenKeptIn() + ".";
        String on = s.running() ? "The bot is on." : "The bot is off: it needs a token and a chat id.";
        String counts = " Messages: " + s.sent() + " sent, " + s.failed() + " failed, " + s.dropped() + " dropped.";
        return kept + " " + on + counts + (s.lastError() == null ? "" : "\nLast error: " + s.lastError());
    }

    /** The chat ids as typed: numbers separated by commas or spaces. */
    List<Long> chatIds() {
        List<Long> out = new ArrayList<>();
        for (String s : chats.get().split("[,\\s]+")) {
            if (s.isBlank()) continue;
            try {
                out.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Chat id \u201c" + s + "\u201d is not a number (a group's id starts with -).");
            }
        }
        return out;
    }

    private Set<Kind> chosenKinds() {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        kinds.forEach((k, p) -> {
            if (p.get()) out.add(k);
        });
        return out;
    }

    /** Checks the token (the one typed, else the kept one) and sends a test message to each chat. */
    public void sendTest() {
        List<Long> ids;
        try {
            ids = chatIds();
        } catch (IllegalArgumentException e) {
            show(State.FAILED, e.getMessage());
            return;
        }
        String t = token.get().isBlank() ? null : token.get();
        show(State.BUSY, "Sending a test message…");
        loader.load(() -> api.sendTest(t, ids), (TestResult r) -> {
            show(r.ok() ? State.GOOD : State.FAILED, r.message());
            refresh(false);
        }, e -> show(State.FAILED, reason(e)));
    }

    /** Keeps the typed token in the keychain (if one was typed) and the chats and kinds in the data folder. */
    public void save() {
        List<Long> ids;
        try {
            ids = chatIds();
        } catch (IllegalArgumentException e) {
            show(State.FAILED, e.getMessage());
            return;
        }
        String t = token.get().isBlank() ? null : token.get();
        Config c = new Config(ids, chosenKinds());
        show(State.BUSY, "Saving…");
        loader.load(() -> {
            if (t != null) api.setToken(t);
            api.setConfig(c);
            return api.status();
        }, s -> {
            token.set("");
            show(State.GOOD, "Saved." + (s.running() ? " The bot is on." : ""));
            status.set(describe(s));
        }, e -> show(State.FAILED, reason(e)));
    }

    public void forget() {
        show(State.BUSY, "Forgetting the token…");
        loader.load(() -> {
            api.forgetToken();
            return api.status();
        }, s -> {
            show(State.IDLE, "The token is forgotten; the bot is off.");
            status.set(describe(s));
        }, e -> show(State.FAILED, reason(e)));
    }

    private void show(State s, String text) {
        state.set(s);
        verdict.set(text);
    }

    /** A failure's message, without the token should anything have quoted it. */
    private String reason(Throwable e) {
        Throwable t = dev.flotilla.ui.screen.dialog.Forms.cause(e);
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String typed = token.get();
        return typed.length() >= 8 ? m.replace(typed, "****") : m;
    }

    public StringProperty token() { return token; }
    public StringProperty chats() { return chats; }
    public BooleanProperty kind(Kind k) { return kinds.get(k); }
    public ObjectProperty<State> state() { return state; }
    public StringProperty verdict() { return verdict; }
    public StringProperty status() { return status; }
}
