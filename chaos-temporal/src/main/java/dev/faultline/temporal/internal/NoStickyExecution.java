package dev.faultline.temporal.internal;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;

/**
 * Turns sticky execution off on Temporal's Java test server: it drops the sticky attributes of
 * every completed workflow task, so the next task of a workflow goes to the shared task queue.
 *
 * <p>A real Temporal server moves a task from a worker's sticky queue back to the shared queue
 * when nobody takes it within the sticky schedule-to-start timeout (5 s by default): that is how
 * a workflow survives the death of the worker that had it cached. The Java test server implements
 * no such timeout: after a worker dies, every later task and query of the workflows it had cached
 * waits in the dead worker's sticky queue forever. Without stickiness each task carries the full
 * history and any worker replays it, which is what a dev server needs.
 */
public final class NoStickyExecution implements ServerInterceptor {

    /** Creates the interceptor. */
    public NoStickyExecution() {
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
                super.onMessage(withoutSticky(message));
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <Q> Q withoutSticky(Q message) {
        if (message instanceof RespondWorkflowTaskCompletedRequest) {
            RespondWorkflowTaskCompletedRequest completed = (RespondWorkflowTaskCompletedRequest) message;
            if (completed.hasStickyAttributes()) {
                return (Q) completed.toBuilder().clearStickyAttributes().build();
            }
        }
        return message;
    }
}
