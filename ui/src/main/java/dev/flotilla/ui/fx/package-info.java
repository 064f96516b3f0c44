/**
 * The FX-thread rule in one place: engine events reach the window only through the {@link dev.flotilla.ui.fx.EventBridge},
 * which coalesces them into one pulse ten times a second on the FX thread; slow work runs through a
 * {@link dev.flotilla.ui.fx.Loader} and comes back on the FX thread. Only the FX thread touches nodes.
 */
package dev.flotilla.ui.fx;
