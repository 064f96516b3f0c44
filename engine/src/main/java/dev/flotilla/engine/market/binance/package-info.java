/**
 * Binance Spot's public market data through XChange: one shared exchange instance, one request-weight budget and
 * one rate-limit state for the whole process, replies checked before use. XChange types never leave this package.
 */
package dev.flotilla.engine.market.binance;
