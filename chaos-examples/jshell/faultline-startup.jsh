// Imports for a Faultline JShell session: ./faultline shell loads this after JShell's defaults.
import static dev.faultline.dsl.Chaos.*;
import dev.faultline.dsl.*;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.*;
import dev.faultline.core.plan.ExperimentPlan;
import java.time.Duration;
import java.util.List;
