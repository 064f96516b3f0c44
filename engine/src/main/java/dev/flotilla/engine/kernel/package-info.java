/**
 * Builds and wires the engine and runs its life: every part is made here and handed what it needs; nothing else in the engine constructs a part of another package.
 */
package dev.flotilla.engine.kernel;
