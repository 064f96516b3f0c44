/** The log file read back for the console: its last lines, then what is written after them. */
package dev.flotilla.engine.logs;
