package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.strategy.Strategy;
import java.math.BigDecimal;

/**
 * A bot while the engine runs: its definition, strategy, and the committed state the store holds for it.
 * Only the engine thread changes it, and only after the store has accepted the change.
 */
public final class BotRuntime {

    private final BotSpec spec;
    private final Strategy strategy;
    private BotState state;
    private Account account;
    private Position position;
    private BigDecimal mark;

    public BotRuntime(BotSpec spec, Strategy strategy, BotState state, Account account, Position position) {
        this.spec = spec;
        this.strategy = strategy;
        this.state = state;
        this.account = account;
        this.position = position;
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

    public BotState state() {
        return state;
    }

    public void state(BotState s) {
        this.state = s;
    }

    public Account account() {
        return account;
    }

    public void account(Account a) {
        this.account = a;
    }

    /** The open position, or null when flat. */
    public Position position() {
        return position;
    }

    public void position(Position p) {
        this.position = p;
    }

    public boolean running() {
        return state.status() == BotStatus.RUNNING;
    }

    /** The latest price seen for the bot's symbol, or null before the first. */
    public BigDecimal mark() {
        return mark;
    }

    public void mark(BigDecimal price) {
        this.mark = price;
    }

    public BigDecimal unrealized() {
        if (position == null || mark == null) return BigDecimal.ZERO;
        return mark.subtract(position.entryPrice()).multiply(position.qty());
    }

    /** Cash plus the open position at its latest price (at its entry price before any price is seen). */
    public BigDecimal equity() {
        if (position == null) return account.cash();
        BigDecimal price = mark != null ? mark : position.entryPrice();
        return account.cash().add(price.multiply(position.qty()));
    }
}
