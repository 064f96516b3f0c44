/**
 * Strategy plug-ins: jars in the data folder's {@code plugins/} folder, each loaded in a class loader of its own from a
 * private copy (so the file can be replaced while its classes are in use), found through {@code ServiceLoader}, and
 * only once the operator has approved the jar's SHA-256. Nothing here knows the engine loop; the command side installs
 * what is loaded.
 */
package dev.flotilla.engine.plugin;
