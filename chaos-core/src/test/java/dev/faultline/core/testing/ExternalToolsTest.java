package dev.faultline.core.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalToolsTest {

    @ParameterizedTest(name = "exit {0}")
    @ValueSource(ints = {0, 4, 8, 12})
    void cfnLint_cleanExits_pass(int exit) {
        assertThatCode(() -> ExternalTools.assertCfnLintClean(exit, "")).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "exit {0}")
    @ValueSource(ints = {1, 2, 3, 6, 14, 32, 127, -1})
    void cfnLint_crashOrErrorExits_fail(int exit) {
        assertThatThrownBy(() -> ExternalTools.assertCfnLintClean(exit, "Traceback"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cfn-lint exit code " + exit);
    }

    @Test
    void version_documentedOrNewerInTheSameMajorLine_passes() {
        assertThatCode(() -> ExternalTools.checkVersion(ExternalTools.AWS,
                "aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11")).doesNotThrowAnyException();
        assertThatCode(() -> ExternalTools.checkVersion(ExternalTools.CFN_LINT, "cfn-lint 1.52.3"))
                .doesNotThrowAnyException();
    }

    @Test
    void version_olderOtherMajorOrUnreadable_fails() {
        assertThatThrownBy(() -> ExternalTools.checkVersion(ExternalTools.AWS, "aws-cli/1.45.9 Python/3.11.7"))
                .hasMessageContaining("older than the documented 1.45.11");
        assertThatThrownBy(() -> ExternalTools.checkVersion(ExternalTools.AWS, "aws-cli/2.9.19 Python/3.11.2"))
                .hasMessageContaining("major version");
        assertThatThrownBy(() -> ExternalTools.checkVersion(ExternalTools.CFN_LINT, "command not found"))
                .hasMessageContaining("expected cfn-lint 1.51.0");
    }

    @Test
    void ci_isTrueForAnyValueButFalse() {
        assertThat(ExternalTools.ci(Map.of("CI", "true"))).isTrue();
        assertThat(ExternalTools.ci(Map.of("CI", "1"))).isTrue();
        assertThat(ExternalTools.ci(Map.of("CI", "false"))).isFalse();
        assertThat(ExternalTools.ci(Map.of())).isFalse();
    }
}
