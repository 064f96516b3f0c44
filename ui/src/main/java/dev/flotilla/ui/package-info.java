/**
 * The JavaFX console. It sees only the engine's API, its read models and its events: {@code shell} is the
 * main window and tray, {@code fx} the one event bridge and the background loader, {@code screen} a view and
 * a view model per screen and dialog.
 */
package dev.flotilla.ui;
