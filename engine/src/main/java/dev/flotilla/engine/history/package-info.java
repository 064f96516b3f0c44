/** History for backtests: candles brought into the store from Binance's public data archive or its API. */
package dev.flotilla.engine.history;
