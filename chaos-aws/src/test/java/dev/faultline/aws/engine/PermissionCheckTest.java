package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.aws.IamPolicies;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.PreflightCheck.Status;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.Clocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.iam.IamAsyncClient;

@Timeout(60)
class PermissionCheckTest {

    private IamStub stub;
    private IamAsyncClient iam;
    private PreflightFixture fx;

    private PreflightCheck check(IamStub s) throws Exception {
        stub = s;
        iam = s.client();
        fx = PreflightFixture.start(Clocks.manual(), iam, b -> b);
        return new PermissionCheck(fx.context).check(fx.nodeLoss("Worker").build()).join();
    }

    private List<String> needed() {
        return IamPolicies.of(fx.nodeLoss("Worker").build()).inRegion("us-east-1").permissionsPolicy().actions();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        if (iam != null) {
            iam.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void check_everyActionAllowed_passesAndSimulatesTheRoleWithTheActionsNeeded() throws Exception {
        PreflightCheck c = check(new IamStub());

        assertThat(c.status()).isEqualTo(Status.PASSED);
        assertThat(c.name()).isEqualTo(PreflightCheck.PERMISSIONS);
        assertThat(c.message()).contains(PreflightFixture.ROLE).contains(needed().size() + " action(s)");
        Map<String, String> form = stub.requests().get(0);
        assertThat(form).containsEntry("Action", "SimulatePrincipalPolicy")
                .containsEntry("PolicySourceArn", PreflightFixture.ROLE);
        assertThat(needed()).contains("ec2:StopInstances", "ec2:StartInstances");
        for (int i = 0; i < needed().size(); i++) {
            assertThat(form).containsEntry("ActionNames.member." + (i + 1), needed().get(i));
        }
        assertThat(form).containsValue("aws:ResourceTag/Role");
    }

    @Test
    void check_implicitAndExplicitDenies_failsListingTheDeniedActionsAndTheFix() throws Exception {
        PreflightCheck c = check(new IamStub().decide("ec2:StopInstances", "implicitDeny")
                .decide("ec2:StartInstances", "explicitDeny"));

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("missing permissions").contains("ec2:StopInstances (implicitDeny)")
                .contains("ec2:StartInstances (explicitDeny)").contains("AuthorizationFailure")
                .contains("faultline iam FILE");
        assertThat(c.message()).doesNotContain("cloudwatch:DescribeAlarms (");
    }

    @Test
    void check_resultsOnSeveralPages_readsEveryPage() throws Exception {
        IamStub s = new IamStub().pageSize(1);
        PreflightCheck c = check(s);

        assertThat(c.status()).isEqualTo(Status.PASSED);
        assertThat(stub.requests()).hasSize(needed().size());
        assertThat(stub.requests().get(1)).containsEntry("Marker", "1");
    }

    @Test
    void check_deniedOnTheLastPage_fails() throws Exception {
        IamStub s = new IamStub().pageSize(1);
        s.decide("cloudwatch:DescribeAlarms", "implicitDeny");
        PreflightCheck c = check(s);

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("cloudwatch:DescribeAlarms (implicitDeny)");
    }

    @Test
    void check_decisionNeedsContextKeys_warnsNamingThem() throws Exception {
        PreflightCheck c = check(new IamStub().missingContext("ec2:StopInstances", "aws:SourceIp"));

        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.message()).contains("ec2:StopInstances (needs aws:SourceIp)");
    }

    @Test
    void check_iamRefusesTheSimulation_failsSayingWhatWentWrong() throws Exception {
        PreflightCheck c = check(new IamStub().fail("AccessDenied"));

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("SimulatePrincipalPolicy failed").contains("AccessDenied")
                .contains("iam:SimulatePrincipalPolicy");
    }

    @Test
    void check_noIamClient_skipped() {
        fx = PreflightFixture.start(Clocks.manual());
        PreflightCheck c = new PermissionCheck(fx.context).check(fx.nodeLoss("Worker").build()).join();

        assertThat(c.status()).isEqualTo(Status.SKIPPED);
        assertThat(c.message()).contains("no IAM client");
        assertThat(fx.calls.attempts()).isZero();
    }

    @Test
    void check_noRole_skipped() throws Exception {
        stub = new IamStub();
        iam = stub.client();
        fx = PreflightFixture.start(Clocks.manual(), iam, b -> b);
        Experiment e = Experiment.builder().from(fx.nodeLoss("Worker").build())
                .roleArn(java.util.Optional.empty()).build();

        PreflightCheck c = new PermissionCheck(fx.context).check(e).join();

        assertThat(c.status()).isEqualTo(Status.SKIPPED);
        assertThat(stub.requests()).isEmpty();
    }
}
