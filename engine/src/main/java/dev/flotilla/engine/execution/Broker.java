package dev.flotilla.engine.execution;

import dev.flotilla.engine.model.Fill;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Where orders go: the paper broker or, later, a live exchange account. Nothing above this interface knows
 * which one it talks to.
 */
public interface Broker {

    /** Sends a market order that is already stored as PENDING, and returns the broker's answer. */
    BrokerReply submit(OrderRequest request);

    /** What the broker knows of an order: its fill, or empty when it never received it. */
    Optional<Fill> lookup(String clientOrderId);

    /**
     * Gives a bot's account its capital, replacing what it held: a new bot, or one that starts over with a new
     * amount before it traded. The paper exchange opens the account with it; a live broker takes it as the share of
     * the real account the bot may use.
     */
    void allocate(String account, BigDecimal capital);

    /** The broker's balances of an account (a bot's paper account), by asset. */
    Map<String, BigDecimal> balances(String account);

    /**
     * Whether all bots trade from one account (a live exchange): then there are no balances per bot, and the start's
     * reconciliation checks the bots' holdings together against {@link #accountBalances()}.
     */
    default boolean sharedAccount() {
        return false;
    }

    /** The shared account's free balances by asset (only when {@link #sharedAccount()}). */
    default Map<String, BigDecimal> accountBalances() {
        return Map.of();
    }
}
