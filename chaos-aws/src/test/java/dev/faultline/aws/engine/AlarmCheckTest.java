package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.PreflightCheck.Status;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.Faults;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AlarmCheckTest {

    private PreflightFixture fx;

    @BeforeEach
    void start() {
        fx = PreflightFixture.start(Clocks.manual(), null, b -> b.alarms(a -> a.create("Latency")));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private PreflightCheck check(String... alarmArns) {
        List<StopCondition> conditions = alarmArns.length == 0 ? List.of(StopCondition.none())
                : java.util.Arrays.stream(alarmArns).map(StopCondition::alarm).toList();
        Experiment e = Experiment.builder().from(fx.nodeLoss("Worker").build()).stopConditions(conditions).build();
        return new AlarmCheck(fx.context).check(e).join();
    }

    private String arn(String name) {
        return fx.local.alarms().arnOf(name);
    }

    @Test
    void check_everyAlarmOk_passesNamingThem() {
        PreflightCheck c = check(arn(PreflightFixture.ALARM), arn("Latency"));

        assertThat(c.name()).isEqualTo(PreflightCheck.STOP_CONDITIONS);
        assertThat(c.status()).isEqualTo(Status.PASSED);
        assertThat(c.message()).isEqualTo("2 alarm(s) OK: HighErrors, Latency");
    }

    @Test
    void check_alarmAlreadyFiring_failsSayingTheExperimentWouldStopAtOnce() {
        fx.local.alarms().setState(PreflightFixture.ALARM, AlarmState.ALARM, "5xx above 10");

        PreflightCheck c = check(arn(PreflightFixture.ALARM), arn("Latency"));

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("alarm HighErrors is already firing (ALARM: 5xx above 10)")
                .contains("the experiment would stop at once").contains("fix what the alarm reports")
                .doesNotContain("Latency");
    }

    @Test
    void check_alarmWithInsufficientData_failsSayingItCannotProtectTheRun() {
        fx.local.alarms().setState("Latency", AlarmState.INSUFFICIENT_DATA, "no datapoints");

        PreflightCheck c = check(arn(PreflightFixture.ALARM), arn("Latency"));

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("alarm Latency is INSUFFICIENT_DATA (no datapoints)")
                .contains("cannot protect the run").contains("treatMissingData");
    }

    @Test
    void check_missingAlarm_failsSayingItDoesNotExistHere() {
        PreflightCheck c = check(arn("Nope"));

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("alarm Nope does not exist in this account in us-east-1")
                .contains(arn("Nope"));
    }

    @Test
    void check_alarmOfAnotherAccount_fails() {
        String other = "arn:aws:cloudwatch:us-east-1:999999999999:alarm:" + PreflightFixture.ALARM;

        PreflightCheck c = check(other);

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("not as " + other).contains("another account");
    }

    @Test
    void check_alarmInAnotherRegion_warnsWithoutCheckingIt() {
        String west = "arn:aws:cloudwatch:eu-west-1:" + fx.local.account() + ":alarm:Elsewhere";

        PreflightCheck c = check(arn(PreflightFixture.ALARM), west);

        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.message()).contains("1 alarm(s) OK: HighErrors").contains("not checked").contains(west);
    }

    @Test
    void check_noAlarmStopCondition_warnsAndCallsNothing() {
        PreflightCheck c = check();

        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.message()).contains("no CloudWatch alarm stop condition");
        assertThat(fx.calls.attempts()).isZero();
    }

    @Test
    void check_cloudWatchFails_failsSayingWhatWentWrong() {
        fx.local.faults(Faults.builder().serverErrors(1.0).build());

        PreflightCheck c = check(arn(PreflightFixture.ALARM));

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).contains("DescribeAlarms failed").contains("cloudwatch:DescribeAlarms");
        assertThat(fx.calls.attempts()).isEqualTo(PreflightFixture.CONFIG.maxAttempts());
    }
}
