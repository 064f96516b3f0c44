/**
 * The optional Telegram bot: notifications from the event bus (a subscriber like any other, so a dead Telegram never
 * slows the engine) and commands from the configured chats, through the Bot API over java.net.http.
 */
package dev.flotilla.engine.telegram;
