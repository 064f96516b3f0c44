/** The live broker: real orders on an exchange account, behind the same {@code Broker} interface as paper trading. */
package dev.flotilla.engine.execution.live;
