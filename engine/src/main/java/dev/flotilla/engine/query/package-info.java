/**
 * Reads for the console: what the engine and the store hold, as the API's records.
 */
package dev.flotilla.engine.query;
