/**
 * A start: the bots, positions and orders rebuilt from the store, pending orders settled by asking the broker, history backfilled, and the books reconciled with the broker before any strategy runs.
 */
package dev.flotilla.engine.boot;
