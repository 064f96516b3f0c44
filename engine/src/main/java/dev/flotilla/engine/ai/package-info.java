/**
 * The AI level: after the risk gateway approved a candle close's entries, a local model (Ollama) is asked about each,
 * all at once and for at most the timeout; it may keep, shrink or veto an entry, and anything else counts as keep.
 * It is optional: unconfigured or unreachable, it is skipped without waiting, and it never sees exits.
 */
package dev.flotilla.engine.ai;
