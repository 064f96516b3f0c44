/**
 * An engine node of a fleet several machines share on one PostgreSQL database (issue 17): it holds bot leases
 * (decision 0029), runs the engine with only the bots it holds, gives up at once a bot whose lease it lost, adopts the
 * bots other nodes left (rebuilt from the store as a restart rebuilds them, brought to the node's engine time first:
 * decision 0034) and gives its leases back when it stops cleanly. No window: the app only parses the command line.
 */
package dev.flotilla.engine.node;
