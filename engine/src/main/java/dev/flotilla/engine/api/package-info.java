/**
 * What the console may read and call: immutable snapshots, the event bus and commands. The console sees nothing else of the engine.
 */
package dev.flotilla.engine.api;
