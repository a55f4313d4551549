package dev.faultline.core.validation;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateMetadata;
import java.util.List;

/**
 * For a file meant as input to {@code aws fis create-experiment-template --cli-input-json}: a
 * warning at each field of Faultline's own, or of a GetExperimentTemplate answer, which that
 * command rejects as an unknown parameter.
 */
final class FisInputRules implements ValidationRule {

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        if (e.name().isPresent()) {
            warn("/name", "name is Faultline's own field", out);
        }
        if (e.hypothesis().isPresent()) {
            warn("/hypothesis", "hypothesis is Faultline's own field", out);
        }
        if (!e.targetAccountConfigurations().isEmpty()) {
            warn("/targetAccountConfigurations", "Target account configurations are created with"
                    + " CreateTargetAccountConfiguration, not in the template", out);
        }
        if (e.metadata().isPresent()) {
            TemplateMetadata m = e.metadata().get();
            String from = " comes from a GetExperimentTemplate answer";
            if (m.id().isPresent()) {
                warn("/id", "id" + from, out);
            }
            if (m.arn().isPresent()) {
                warn("/arn", "arn" + from, out);
            }
            if (m.creationTime().isPresent()) {
                warn("/creationTime", "creationTime" + from, out);
            }
            if (m.lastUpdateTime().isPresent()) {
                warn("/lastUpdateTime", "lastUpdateTime" + from, out);
            }
            if (m.targetAccountConfigurationsCount().isPresent()) {
                warn("/targetAccountConfigurationsCount", "targetAccountConfigurationsCount" + from, out);
            }
        }
    }

    private static void warn(String path, String what, List<Violation> out) {
        out.add(Violation.warning(ViolationCode.TEMPLATE_FIELD_FAULTLINE_ONLY, path, what
                        + "; aws fis create-experiment-template --cli-input-json rejects it.",
                "Run faultline compile to write the template FIS accepts."));
    }
}
