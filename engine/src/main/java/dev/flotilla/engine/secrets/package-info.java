/** Exchange keys and where they are kept: the OS keychain, never the data folder. */
package dev.flotilla.engine.secrets;
