/**
 * Orders from intent to fill: the broker interface, the ledger arithmetic and the order discipline (PENDING before sending). Nothing above the Broker interface knows whether it is paper or live.
 */
package dev.flotilla.engine.execution;
