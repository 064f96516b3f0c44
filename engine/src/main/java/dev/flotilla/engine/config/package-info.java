/**
 * How the engine runs (speed, intervals, sizing, paper fees) and the settings it keeps in the store between runs.
 */
package dev.flotilla.engine.config;
