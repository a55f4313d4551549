package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.model.Experiment;
import java.io.IOException;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** Writing a template to a writer that fails is a FaultlineException that names the experiment. */
class TemplateWriteExceptionTest {

    /** A writer whose every write fails, like a full disk. */
    private static final class BrokenWriter extends Writer {
        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void write_failingWriter_isATemplateWriteExceptionNamingTheExperiment() {
        Experiment e = Experiment.builder().name("node-loss").description("d").build();

        assertThatThrownBy(() -> TemplateJson.write(e, new BrokenWriter(), true))
                .isInstanceOf(FaultlineException.class)
                .isInstanceOfSatisfying(TemplateWriteException.class,
                        ex -> assertThat(ex.experimentName()).contains("node-loss"))
                .hasMessageContaining("node-loss").hasMessageContaining("No space left on device")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void write_failingWriter_withoutName_saysSo() {
        Experiment e = Experiment.builder().description("d").build();

        assertThatThrownBy(() -> TemplateJson.write(e, new BrokenWriter(), false))
                .isInstanceOfSatisfying(TemplateWriteException.class,
                        ex -> assertThat(ex.experimentName()).isEmpty())
                .hasMessageStartingWith("The template could not be written");
    }
}
