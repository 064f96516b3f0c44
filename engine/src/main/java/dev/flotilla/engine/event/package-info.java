/**
 * The in-process event bus and the event families, one sealed interface each. Publishing never blocks; events are published only after the store holds what they describe.
 */
package dev.flotilla.engine.event;
