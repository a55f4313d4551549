package dev.faultline.jdbc;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.journal.JournalSamples;
import dev.faultline.core.journal.RunHeader;
import java.util.List;
import java.util.Map;

/** A writer JVM for the many-writers test: writes runs {@code PREFIX-0 … PREFIX-(N-1)} with their events. */
public final class JournalWriterMain {

    private JournalWriterMain() {}

    /**
     * Writes the runs.
     *
     * @param args the journal URL, the run id prefix, the number of runs
     */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[2]);
        try (JdbcRunJournal journal = JdbcRunJournal.open(args[0])) {
            for (int i = 0; i < runs; i++) {
                String id = args[1] + "-" + i;
                RunHeader h = JournalSamples.header(id, JournalSamples.T0.plusSeconds(i), "writer", "1", "r",
                        Map.of("writer", args[1]));
                journal.begin(h);
                List<RunEvent> events = JournalSamples.run("E" + id, RunState.COMPLETED, Verdict.HELD);
                for (int s = 0; s < events.size(); s++) {
                    journal.append(id, s, events.get(s));
                }
            }
        }
        System.out.println("DONE");
    }
}
