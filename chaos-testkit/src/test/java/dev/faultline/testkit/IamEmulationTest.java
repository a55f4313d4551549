package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamAsyncClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/** LocalFis's IAM API through the SDK's IAM client (query protocol): GetRole and SimulatePrincipalPolicy. */
class IamEmulationTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/chaos/FisRole";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"fis.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":[\"ec2:StopInstances\",\"ec2:StartInstances\"],"
            + "\"Resource\":\"arn:aws:ec2:*:*:instance/*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/Role\":\"Worker\"}}},"
            + "{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"ec2:TerminateInstances\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:ViaAWSService\":\"true\"}}}]}";

    private LocalFis local;
    private IamAsyncClient iam;

    @BeforeEach
    void start() {
        local = LocalFis.builder().iam(r -> r.put(ROLE, TRUST, POLICY)).start();
        iam = SdkClients.iam(local);
    }

    @AfterEach
    void stop() {
        iam.close();
        local.close();
    }

    private static ContextEntry tag(String value) {
        return ContextEntry.builder().contextKeyName("aws:ResourceTag/Role").contextKeyValues(value)
                .contextKeyType(ContextKeyTypeEnum.STRING).build();
    }

    private SimulatePrincipalPolicyResponse simulate(List<ContextEntry> context, String... actions) {
        return iam.simulatePrincipalPolicy(b -> b.policySourceArn(ROLE).actionNames(actions).contextEntries(context))
                .join();
    }

    @Test
    void simulate_decidesEachActionFromTheRolesPolicies() {
        SimulatePrincipalPolicyResponse r = simulate(List.of(tag("Worker")), "ec2:StopInstances",
                "EC2:describeInstances", "ec2:TerminateInstances", "rds:FailoverDBCluster");

        assertThat(r.isTruncated()).isFalse();
        assertThat(r.evaluationResults()).extracting(EvaluationResult::evalActionName, EvaluationResult::evalDecisionAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ec2:StopInstances", "allowed"),
                        org.assertj.core.groups.Tuple.tuple("EC2:describeInstances", "allowed"),
                        org.assertj.core.groups.Tuple.tuple("ec2:TerminateInstances", "explicitDeny"),
                        org.assertj.core.groups.Tuple.tuple("rds:FailoverDBCluster", "implicitDeny"));
        assertThat(r.evaluationResults().get(0).evalResourceName()).isEqualTo("*");
        assertThat(r.evaluationResults().get(0).matchedStatements()).singleElement()
                .satisfies(s -> assertThat(s.sourcePolicyId()).isEqualTo("FaultlinePolicy"));
        assertThat(r.evaluationResults().get(3).missingContextValues()).isEmpty();
    }

    @Test
    void simulate_withoutTheContextAConditionNeeds_namesTheMissingKey() {
        EvaluationResult r = simulate(List.of(), "ec2:StopInstances").evaluationResults().get(0);
        assertThat(r.evalDecisionAsString()).isEqualTo("implicitDeny");
        assertThat(r.missingContextValues()).containsExactlyInAnyOrder("aws:ResourceTag/Role", "aws:ViaAWSService");

        EvaluationResult wrongTag = simulate(List.of(tag("Database")), "ec2:StopInstances").evaluationResults().get(0);
        assertThat(wrongTag.evalDecisionAsString()).isEqualTo("implicitDeny");
        assertThat(wrongTag.missingContextValues()).containsExactly("aws:ViaAWSService");
    }

    @Test
    void simulate_pagesWithMaxItemsAndMarker() {
        SimulatePrincipalPolicyResponse first = iam.simulatePrincipalPolicy(b -> b.policySourceArn(ROLE)
                .actionNames("ec2:StopInstances", "ec2:StartInstances", "ec2:DescribeInstances").maxItems(2)).join();
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.evaluationResults()).hasSize(2);
        SimulatePrincipalPolicyResponse second = iam.simulatePrincipalPolicy(b -> b.policySourceArn(ROLE)
                .actionNames("ec2:StopInstances", "ec2:StartInstances", "ec2:DescribeInstances").maxItems(2)
                .marker(first.marker())).join();
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.evaluationResults()).extracting(EvaluationResult::evalActionName)
                .containsExactly("ec2:DescribeInstances");
    }

    @Test
    void unknownRole_isNoSuchEntity_forBothCalls() {
        assertThatThrownBy(() -> iam.simulatePrincipalPolicy(b -> b.policySourceArn(
                "arn:aws:iam::123456789012:role/Other").actionNames("ec2:StopInstances")).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name Other cannot be found");
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("Other")).join())
                .cause().isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void getRole_answersTheRoleWithItsTrustPolicy() {
        Role r = iam.getRole(b -> b.roleName("FisRole")).join().role();
        assertThat(r.arn()).isEqualTo(ROLE);
        assertThat(r.roleName()).isEqualTo("FisRole");
        assertThat(r.path()).isEqualTo("/chaos/");
        assertThat(r.roleId()).startsWith("AROA");
        assertThat(r.createDate()).isEqualTo(local.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(URLDecoder.decode(r.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("fis.amazonaws.com").contains("sts:AssumeRole");
    }

    @Test
    void rolesAddedWhileRunning_areAnsweredAtOnce() {
        local.iam().put("arn:aws:iam::123456789012:role/Late", TRUST, "{\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}}");
        assertThat(iam.simulatePrincipalPolicy(b -> b.policySourceArn("arn:aws:iam::123456789012:role/Late")
                .actionNames("fis:StartExperiment")).join().evaluationResults().get(0).evalDecisionAsString())
                .isEqualTo("allowed");
    }
}
