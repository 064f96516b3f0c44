/**
 * The built-in sandbox market: every symbol follows its own seeded, regime-switching price path at one-minute
 * resolution whose randomness is a pure function of (seed, symbol, minute), so the same seed always yields the
 * same candles whatever order they are asked for in. Paths are generated lazily as the engine clock advances and
 * stored as aligned 15-minute blocks, from which every timeframe is aggregated and never served ahead of the clock.
 */
package dev.flotilla.engine.market.sandbox;
