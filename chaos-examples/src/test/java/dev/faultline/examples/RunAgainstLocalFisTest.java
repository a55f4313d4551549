package dev.faultline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RunAgainstLocalFisTest {

    @Test
    @Timeout(120)
    void run_computeNodeLoss_completes_hypothesisHeld_eventsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunOutcome outcome;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            outcome = RunAgainstLocalFis.run(out);
        }

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        assertThat(outcome.actions()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("stop-workers"));
        assertThat(outcome.verdict()).hasValueSatisfying(v -> assertThat(v.verdict()).isEqualTo(Verdict.HELD));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("RunStarted").contains("StateChanged")
                .contains("Outcome: RunOutcome[").contains("Verdict: HELD");
    }
}
