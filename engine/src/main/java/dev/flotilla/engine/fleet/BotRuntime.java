package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.strategy.Strategy;
import java.math.BigDecimal;

/**
 * A bot while the engine runs: its definition, its strategy, and its committed books. Only the engine thread
 * changes it, through {@link #update}, and only after the store has accepted the change; everything downstream
 * (the risk checks, the order flow) is handed {@link #book()}, a plain copy.
 */
public final class BotRuntime {

    private final BotSpec spec;
    private final Strategy strategy;
    private BotBook book;

    public BotRuntime(BotSpec spec, Strategy strategy, BotState state, Account account, Position position) {
        this.spec = spec;
        this.strategy = strategy;
        this.book = new BotBook(spec.id(), spec.symbol(), spec.capital(), state, account, position, null);
    }

    public String id() {
        return spec.id();
    }

    public BotSpec spec() {
        return spec;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** The bot's books now, as plain data. */
    public BotBook book() {
        return book;
    }

    /** The one way a bot changes: its books replaced by what was just committed. */
    public void update(BotBook committed) {
        if (!committed.id().equals(spec.id())) {
            throw new IllegalArgumentException("the books of " + committed.id() + " given to bot " + spec.id());
        }
        this.book = committed;
    }

    public BotState state() {
        return book.state();
    }

    public Account account() {
        return book.account();
    }

    /** The open position, or null when flat. */
    public Position position() {
        return book.position();
    }

    public boolean running() {
        return book.state().status() == BotStatus.RUNNING;
    }

    /** The latest price seen for the bot's symbol, or null before the first. */
    public BigDecimal mark() {
        return book.mark();
    }

    public BigDecimal unrealized() {
        return book.unrealized();
    }

    public BigDecimal equity() {
        return book.equity();
    }
}
