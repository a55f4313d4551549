package dev.faultline.aws.engine;

import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.SafetyLever;
import software.amazon.awssdk.services.fis.model.SafetyLeverState;

/**
 * Reads the account's FIS safety lever ({@code GetSafetyLever}, id {@value #LEVER_ID}): while it
 * is engaged (or engaging) FIS cancels every experiment started and stops the running ones. The
 * preflight refuses a run then, with the lever's reason; after a run that FIS stopped unasked,
 * the engine names the lever as the cause when it is engaged.
 */
final class LeverCheck {

    /** The id of the account's one safety lever per Region. */
    static final String LEVER_ID = "default";

    private static final Logger LOG = LoggerFactory.getLogger(LeverCheck.class);

    private final EngineContext context;

    /**
     * Creates the check.
     *
     * @param context the engine's shared parts
     */
    LeverCheck(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * The preflight check: failed when the lever is engaged or engaging; a warning when it
     * cannot be read (FIS still enforces it).
     *
     * @return the check; never completes exceptionally
     */
    CompletableFuture<PreflightCheck> check() {
        return read().handle((state, error) -> {
            if (error != null) {
                return PreflightRunner.warning(PreflightCheck.SAFETY_LEVER, "the safety lever could not be read ("
                        + PreflightRunner.describe(error) + "); FIS cancels the run if the lever is engaged");
            }
            if (engaged(state)) {
                return PreflightCheck.failed(PreflightCheck.SAFETY_LEVER, "the account's FIS safety lever is "
                        + state.statusAsString() + reason(state) + ": FIS would cancel the experiment at once; run it"
                        + " once whoever engaged the lever has disengaged it (aws fis update-safety-lever-state"
                        + " --id " + LEVER_ID + " --state status=disengaged,reason=...)");
            }
            return PreflightCheck.passed(PreflightCheck.SAFETY_LEVER, "the safety lever is "
                    + (state == null ? "disengaged" : state.statusAsString()));
        });
    }

    /**
     * The lever's reason when it is engaged now.
     *
     * @return the reason ({@code "The account's FIS safety lever was engaged: ..."}), empty when
     *     it is disengaged or cannot be read; never completes exceptionally
     */
    CompletableFuture<Optional<String>> engagedReason() {
        return read().handle((state, error) -> {
            if (error != null) {
                LOG.debug("safety lever not readable", AwsCalls.unwrap(error));
                return Optional.empty();
            }
            return engaged(state)
                    ? Optional.of("The account's FIS safety lever was engaged" + reason(state))
                    : Optional.empty();
        });
    }

    /**
     * Why a run that ended {@code end} stopped, when nobody here asked ({@code asked} is null) and
     * it was stopped or cancelled: the safety lever, with its reason, when it is engaged.
     *
     * @param end the run's end state
     * @param asked the stop this engine requested, or null
     * @return the lever's stop request, or empty; never completes exceptionally
     */
    CompletableFuture<Optional<StopRequest>> stoppedBy(RunState end, StopRequest asked) {
        if ((end != RunState.STOPPED && end != RunState.CANCELLED) || asked != null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return engagedReason().thenApply(reason -> reason.map(r -> {
            LOG.debug("stopped by the safety lever reason={}", r);
            return new StopRequest(StopSource.SAFETY_LEVER, r);
        }));
    }

    private CompletableFuture<SafetyLeverState> read() {
        return context.calls.call("GetSafetyLever", () -> context.fis.getSafetyLever(b -> b.id(LEVER_ID)))
                .thenApply(r -> {
                    SafetyLever lever = r.safetyLever();
                    return lever == null ? null : lever.state();
                });
    }

    private static boolean engaged(SafetyLeverState state) {
        if (state == null || state.statusAsString() == null) {
            return false;
        }
        String status = state.statusAsString();
        return status.equals("engaged") || status.equals("engaging");
    }

    private static String reason(SafetyLeverState state) {
        String reason = state.reason();
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
