/**
 * Engine time, the one clock every part reads: real time, accelerated sandbox time or as fast as the machine allows, and the pacing that holds the engine loop to it. Markets depend on this package, never on the loop.
 */
package dev.flotilla.engine.clock;
