/**
 * The operator's commands of the engine API (bots, limits, the kill switch, halt and flatten): checked in the caller's thread, carried out on the engine thread.
 */
package dev.flotilla.engine.command;
