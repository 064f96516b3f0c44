/** The JavaFX console. It sees only the engine's API, its read models and its events. */
package dev.flotilla.ui;
