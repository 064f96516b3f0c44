/**
 * The SQLite store: pragmas, Flyway migrations, one writer with BEGIN IMMEDIATE, typed reads and writes. Generated jOOQ code never leaves this package.
 */
package dev.flotilla.engine.store;
