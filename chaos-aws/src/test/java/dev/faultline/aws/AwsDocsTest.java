package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples in docs/aws.md are what the code prints. */
class AwsDocsTest {

    private static final Path DOC = Path.of("..", "docs", "aws.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fenced block that follows {@code <!-- example:NAME -->}. */
    private static String block(String name) throws Exception {
        String doc = Files.readString(DOC);
        int marker = doc.indexOf("<!-- example:" + name + " -->");
        assertThat(marker).as("marker %s in %s", name, DOC).isNotNegative();
        int start = doc.indexOf('\n', doc.indexOf("```", marker)) + 1;
        int end = doc.indexOf("\n```", start);
        return doc.substring(start, end + 1);
    }

    private static Experiment template() throws Exception {
        return TemplateJson.parse(block("template"));
    }

    @Test
    void cfnYamlExample_isWhatCompilePrints() throws Exception {
        assertThat(block("cfn-yaml")).isEqualTo(FisCompiler.create().cloudFormationYaml(template()));
    }

    @Test
    void policyExamples_areWhatIamPoliciesPrints() throws Exception {
        IamPolicies iam = IamPolicies.of(template()).inRegion("us-east-1");
        assertThat(JSON.readTree(block("trust"))).isEqualTo(JSON.readTree(iam.trustPolicy().toJson()));
        assertThat(JSON.readTree(block("permissions"))).isEqualTo(JSON.readTree(iam.permissionsPolicy().toJson()));
    }
}
