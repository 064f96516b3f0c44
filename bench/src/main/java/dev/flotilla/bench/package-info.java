/**
 * The benchmark command: how far the fleet scales on one machine and what it costs, measured on the same engine,
 * store and console the app runs, in simulated time on the sandbox. Nothing outside this module depends on it.
 */
package dev.flotilla.bench;
