package dev.flotilla.engine.execution;

import dev.flotilla.engine.model.Fill;

/** A broker's answer to an order: filled, or refused with a reason. */
public sealed interface BrokerReply {

    record Filled(Fill fill) implements BrokerReply {
    }

    record Rejected(String reason) implements BrokerReply {
    }
}
