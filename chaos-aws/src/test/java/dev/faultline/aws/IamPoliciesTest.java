package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Corpus;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expected policies in src/test/resources/iam were checked by hand against the catalog's
 * permissions (reference §5), the managed policies (§6) and the Service Authorization Reference:
 * mutating actions are scoped to the target's ARNs or, for tag-chosen targets, to the ARN pattern
 * of the resource type with one aws:ResourceTag condition per tag; Describe and List actions,
 * tag:GetResources and log delivery take no resource-level permissions and sit on "*".
 */
class IamPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode expected(String name) throws Exception {
        try (InputStream in = IamPoliciesTest.class.getResourceAsStream("/iam/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void permissionsPolicy_computeNodeLoss_isTheHandCheckedPolicy() throws Exception {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.NODE_LOSS));
        assertThat(JSON.readTree(iam.permissionsPolicy().toJson())).isEqualTo(expected("compute-node-loss.json"));
        assertThat(iam.notes()).singleElement().asString().contains("kms:CreateGrant").contains("--kms-key");
    }

    @Test
    void permissionsPolicy_rdsFailoverWithLogsAndReport_isTheHandCheckedPolicy() throws Exception {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.RDS_FAILOVER));
        assertThat(JSON.readTree(iam.permissionsPolicy().toJson())).isEqualTo(expected("rds-failover.json"));
        assertThat(iam.permissionsPolicy().actions()).doesNotContain("tag:GetResources");
        assertThat(iam.notes()).isEmpty();
    }

    @Test
    void permissionsPolicy_azPowerInterruption_isTheHandCheckedPolicy() throws Exception {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.AZ_POWER));
        assertThat(JSON.readTree(iam.permissionsPolicy().toJson())).isEqualTo(expected("az-power-interruption.json"));
        assertThat(iam.notes()).isNotEmpty().allSatisfy(n -> assertThat(n).contains("kms:CreateGrant"));
    }

    private static final String KEY_A = "arn:aws:kms:us-east-1:112233445566:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_B = "arn:aws:kms:us-east-1:112233445566:key/mrk-1234abcd12ab34cd56ef1234567890ab";

    /** The statements that grant an IAM action. */
    private static List<PolicyStatement> granting(IamPolicies iam, String action) {
        return iam.permissionsPolicy().statements().stream().filter(s -> s.actions().contains(action)).toList();
    }

    @Test
    void kmsCreateGrant_withKeys_isScopedToExactlyThoseKeys_keepingTheEc2Conditions() {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.NODE_LOSS)).withKmsKeys(List.of(KEY_B, KEY_A));

        assertThat(granting(iam, "kms:CreateGrant")).singleElement().satisfies(s -> {
            assertThat(s.resources()).containsExactly(KEY_A, KEY_B);
            assertThat(s.actions()).containsExactly("kms:CreateGrant");
            assertThat(s.conditions().get("StringLike")).containsEntry("kms:ViaService", List.of("ec2.*.amazonaws.com"));
            assertThat(s.conditions().get("Bool")).containsEntry("kms:GrantIsForAWSResource", List.of("true"));
        });
        assertThat(iam.notes()).isEmpty();
        // and no statement grants kms:CreateGrant, or anything but Describe/List and friends, on "*"
        for (PolicyStatement s : iam.permissionsPolicy().statements()) {
            if (s.resources().contains("*")) {
                assertThat(s.actions()).doesNotContain("kms:CreateGrant");
            }
        }
        // the account and Region given later keep the scoping
        assertThat(granting(iam.inRegion("us-east-1").withAccount("112233445566"), "kms:CreateGrant"))
                .singleElement().satisfies(s -> assertThat(s.resources()).containsExactly(KEY_A, KEY_B));
    }

    @Test
    void kmsCreateGrant_withoutKeys_isEveryKeyUnderTheEc2Conditions_withANoteThatAsksForThem() {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.NODE_LOSS));

        assertThat(granting(iam, "kms:CreateGrant")).singleElement().satisfies(s -> {
            assertThat(s.resources()).containsExactly("*");
            assertThat(s.conditions()).containsKeys("StringLike", "Bool");
        });
        assertThat(iam.notes()).singleElement().asString().contains("every KMS key").contains("--kms-key");
    }

    @Test
    void kmsCreateGrant_onlyForActionsThatNeedIt() {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.RDS_FAILOVER)).withKmsKeys(List.of(KEY_A));
        assertThat(granting(iam, "kms:CreateGrant")).isEmpty();
    }

    @Test
    void withKmsKeys_refusesWhatIsNotAKeyArn() {
        IamPolicies iam = IamPolicies.of(Experiments.parse(Experiments.NODE_LOSS));
        for (String bad : new String[] {"*", "arn:aws:kms:us-east-1:112233445566:alias/ebs", "arn:aws:kms:*:*:key/*",
                "arn:aws:kms:us-east-1:112233445566:key/*", "1234abcd-12ab-34cd-56ef-1234567890ab"}) {
            assertThatThrownBy(() -> iam.withKmsKeys(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void trustPolicy_allowsFisOnlyForThisAccountsExperiments() throws Exception {
        PolicyDocument trust = IamPolicies.of(Experiments.parse(Experiments.NODE_LOSS)).inRegion("us-east-1")
                .trustPolicy();
        assertThat(JSON.readTree(trust.toJson())).isEqualTo(JSON.readTree("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "AllowFisToAssumeTheRole", "Effect": "Allow",
                  "Principal": {"Service": "fis.amazonaws.com"}, "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:SourceAccount": "112233445566"},
                                "ArnLike": {"aws:SourceArn": "arn:aws:fis:us-east-1:112233445566:experiment/*"}}}]}
                """));
    }

    @Test
    void inRegion_scopesTargetPatternsToTheRegion() {
        PolicyDocument p = IamPolicies.of(Experiments.parse(Experiments.NODE_LOSS)).inRegion("eu-west-1")
                .permissionsPolicy();
        assertThat(p.statement("StopWorkersOnWorkers").orElseThrow().resources())
                .containsExactly("arn:aws:ec2:eu-west-1:112233445566:instance/*");
    }

    @Test
    void ssmAutomation_withAnAssumedRole_getsPassRoleOnThatRoleForSsmOnly() {
        Experiment e = TemplateJson.read(Corpus.text("elasticache-redis-primary-node-failover-experiment-template.json"))
                .experiment().orElseThrow();
        PolicyDocument p = IamPolicies.of(e).permissionsPolicy();
        PolicyStatement pass = p.statements().stream().filter(s -> s.actions().contains("iam:PassRole"))
                .findFirst().orElseThrow();
        assertThat(pass.resources()).containsExactly("arn:aws:iam::<YOUR-ACCOUNT-ID>:role/ElastiCache-Failover-SSM-Role");
        assertThat(pass.conditions()).containsEntry("StringEquals",
                java.util.Map.of("iam:PassedToService", List.of("ssm.amazonaws.com")));
        assertThat(p.actions()).contains("ssm:StartAutomationExecution", "ssm:GetAutomationExecution");
    }

    @Test
    void ssmAutomation_withoutAnAssumedRole_hasNoPassRole_andSaysWhy() {
        Experiment e = TemplateJson.read(Corpus.text("database-blocking-locks-template.json")).experiment().orElseThrow();
        IamPolicies iam = IamPolicies.of(e);
        assertThat(iam.permissionsPolicy().actions()).doesNotContain("iam:PassRole");
        assertThat(iam.notes()).singleElement().asString().contains("iam:PassRole");
    }

    @Test
    void unknownAction_isANote_notAWildcard() {
        Experiment e = Experiments.parse(Experiments.NODE_LOSS.replace("aws:ec2:stop-instances", "aws:ec2:melt-instances"));
        IamPolicies iam = IamPolicies.of(e);
        assertThat(iam.notes()).singleElement().asString().contains("aws:ec2:melt-instances");
        assertThat(iam.permissionsPolicy().actions()).doesNotContain("*");
    }

    static List<String> corpus() {
        return Corpus.FILES;
    }

    /** IAM actions that take no resource-level permissions, so "*" is their only resource. */
    private static final Set<String> ANY_RESOURCE_OK = Set.of("tag:GetResources", "logs:CreateLogDelivery",
            "logs:PutResourcePolicy", "cloudwatch:GetMetricWidgetImage", "ssm:CancelCommand");

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void permissionsPolicy_corpus_neverWildcardActions_andStarOnlyWhereNoResourceLevelPermissionExists(String file)
            throws Exception {
        Experiment e = TemplateJson.read(Corpus.text(file)).experiment().orElseThrow();
        JsonNode policy = JSON.readTree(IamPolicies.of(e).permissionsPolicy().toJson());
        for (JsonNode s : policy.get("Statement")) {
            for (JsonNode a : s.get("Action").isArray() ? s.get("Action") : JSON.createArrayNode().add(s.get("Action"))) {
                assertThat(a.asText()).doesNotContain("*");
                boolean star = s.get("Resource").isTextual() ? s.get("Resource").asText().equals("*")
                        : s.get("Resource").toString().contains("\"*\"");
                if (star && !s.has("Condition")) {
                    String verb = a.asText().substring(a.asText().indexOf(':') + 1);
                    assertThat(verb.startsWith("Describe") || verb.startsWith("List") || ANY_RESOURCE_OK.contains(a.asText()))
                            .as("%s on \"*\" in %s", a.asText(), file).isTrue();
                }
            }
        }
        IamPolicies iam = IamPolicies.of(e);
        if (iam.account().matches("\\d{12}")) {
            assertThat(iam.trustPolicy().statements()).singleElement()
                    .satisfies(s -> assertThat(s.principalService()).isEqualTo("fis.amazonaws.com"));
        } else {
            assertThatThrownBy(iam::trustPolicy).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No trust policy without an account");
        }
        assertThat(iam.withAccount("210987654321").trustPolicy().toJson()).contains("\"210987654321\"")
                .doesNotContain("\"*\"");
    }

    @Test
    void trustPolicy_placeholderRole_isRefused_andTheAccountCanBeGiven() throws Exception {
        Experiment e = Experiment.builder().from(Experiments.parse(Experiments.NODE_LOSS))
                .roleArn("arn:aws:iam::<YOUR ACCOUNT ID>:role/FisRole").build();
        IamPolicies iam = IamPolicies.of(e).inRegion("us-east-1");

        assertThat(iam.account()).isEqualTo("*");
        assertThat(iam.unresolved()).first().asString().contains("<YOUR ACCOUNT ID>").contains("names no account");
        assertThatThrownBy(iam::trustPolicy).isInstanceOf(IllegalStateException.class);

        IamPolicies given = iam.withAccount("210987654321");
        assertThat(given.unresolved()).isEmpty();
        JsonNode trust = JSON.readTree(given.trustPolicy().toJson());
        assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("210987654321");
        assertThat(given.permissionsPolicy().toJson()).doesNotContain(":*:instance").contains(":210987654321:instance");
        assertThatThrownBy(() -> iam.withAccount("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unresolved_namesPlaceholdersLeftInResources_andTheGivenAccountFillsTheAccountField() {
        Experiment e = Experiments.parse("""
                {"description": "d", "roleArn": "arn:aws:iam::112233445566:role/FisRole",
                 "targets": {"one": {"resourceType": "aws:ec2:instance",
                     "resourceArns": ["arn:aws:ec2:us-east-1:<ACCOUNT>:instance/i-0123456789abcdef0",
                                      "arn:aws:ec2:us-east-1:112233445566:instance/<INSTANCE ID>"],
                     "selectionMode": "ALL"}},
                 "actions": {"stop": {"actionId": "aws:ec2:stop-instances", "targets": {"Instances": "one"}}},
                 "stopConditions": [{"source": "none"}]}
                """);
        assertThat(IamPolicies.of(e).unresolved()).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("placeholder <ACCOUNT> in resource"))
                .anySatisfy(m -> assertThat(m).contains("placeholder <INSTANCE ID> in resource"));
        assertThat(IamPolicies.of(e).withAccount("112233445566").unresolved()).singleElement().asString()
                .contains("<INSTANCE ID>");
    }
}
