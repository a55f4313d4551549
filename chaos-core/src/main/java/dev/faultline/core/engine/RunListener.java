package dev.faultline.core.engine;

/** Receives the events of a run, in order, one at a time. */
@FunctionalInterface
public interface RunListener {

    /**
     * Called after every state change of a run.
     *
     * @param event the event
     */
    void onEvent(RunEvent event);
}
