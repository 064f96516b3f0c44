/** Backtests and sweeps: the engine run over history, and the figures a trader judges a run by. */
package dev.flotilla.engine.backtest;
