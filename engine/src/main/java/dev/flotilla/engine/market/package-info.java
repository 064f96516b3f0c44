/**
 * Where candles and prices come from: the MarketData interface and its sandbox and exchange implementations. Every call is one request, so callers share results.
 */
package dev.flotilla.engine.market;
