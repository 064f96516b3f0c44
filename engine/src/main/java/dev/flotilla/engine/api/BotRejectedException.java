package dev.flotilla.engine.api;

/** A bot command refused because its draft (or the bot's state) does not allow it; the check says why. */
public final class BotRejectedException extends RuntimeException {

    private final transient BotCheck check;

    public BotRejectedException(BotCheck check) {
        super(String.join("; ", check.problems().values()));
        this.check = check;
    }

    public BotCheck check() {
        return check;
    }
}
