package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.ACTION;
import static dev.faultline.core.validation.Templates.TARGET;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.waitFor;
import static dev.faultline.core.validation.Templates.withAction;
import static dev.faultline.core.validation.Templates.withTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    private static final String ROLE_1 = "arn:aws:iam::123456789012:role/AppRole";
    private static final String CLUSTER_ARN = "arn:aws:eks:us-east-1:123456789012:cluster/prod";
    private static final String CPU_STRESS = "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress";

    private static TemplateTarget.Builder target(String type) {
        return TemplateTarget.builder().resourceType(type).selectionMode(SelectionMode.all());
    }

    private static TemplateTarget pods() {
        return target("aws:eks:pod").putParameter("clusterIdentifier", "prod").putParameter("namespace", "shop")
                .putParameter("selectorType", "labelSelector").putParameter("selectorValue", "app=cart").build();
    }

    private static Action.Builder action(String id, String key, String target) {
        return Action.builder().actionId(id).putTarget(key, target);
    }

    private static Experiment with(String actionName, Action action, String targetName, TemplateTarget target) {
        return builder().putTarget(targetName, target).putAction(actionName, action).build();
    }

    private static Experiment stress(String documentParameters) {
        Action.Builder a = action("aws:ssm:send-command", "Instances", TARGET).putParameter("documentArn", CPU_STRESS)
                .putParameter("duration", "PT5M");
        if (documentParameters != null) {
            a.putParameter("documentParameters", documentParameters);
        }
        return builder().putAction("Stress", a.build()).build();
    }

    private static List<Violation> at(ValidationResult r, String path) {
        return r.violations().stream().filter(v -> v.path().equals(path)).collect(Collectors.toList());
    }

    // ---- action ids ----------------------------------------------------------------------

    @Test
    void validate_misspelledActionId_isAnErrorWithADidYouMean() {
        ValidationResult r = validate(withAction(a -> a.actionId("aws:ec2:stop-instance")));
        Violation v = one(r, "action.id-unknown", ERROR, "/actions/StopNodes/actionId");
        assertThat(v.hint()).contains("Did you mean 'aws:ec2:stop-instances'?");
        assertThat(r.errors()).as("an unknown action's parameters are not checked").containsExactly(v);
    }

    @Test
    void validate_unknownActionIdFarFromAny_pointsToListActions() {
        Violation v = one(validate(withAction(a -> a.actionId("aws:quantum:entangle"))), "action.id-unknown", ERROR,
                "/actions/StopNodes/actionId");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("ListActions").contains("overlay"));
    }

    @Test
    void validate_legacyElastiCacheAction_warnsDeprecatedAndNamesTheReplacement() {
        Experiment e = with("PowerOff", Action.builder().actionId("aws:elasticache:interrupt-cluster-az-power")
                        .putTarget("ReplicationGroups", "Cache").putParameter("duration", "PT10M").build(),
                "Cache", target("aws:elasticache:redis-replicationgroup").putResourceTag("Tier", "cache").build());
        ValidationResult r = validate(e);
        Violation v = one(r, "action.id-deprecated", WARNING, "/actions/PowerOff/actionId");
        assertThat(v.hint()).contains("Use aws:elasticache:replicationgroup-interrupt-az-power instead.");
        one(r, "target.resource-type-deprecated", WARNING, "/targets/Cache/resourceType");
        assertThat(r.hasErrors()).isFalse();
    }

    // ---- target keys and resource types ---------------------------------------------------

    @Test
    void validate_targetsOnAnActionWithoutTargets_isAnError() {
        Experiment e = builder().putAction("Hold", Action.builder().from(waitFor("PT5M")).putTarget("Instances", TARGET).build())
                .build();
        one(validate(e), "action.targets-missing", ERROR, "/actions/Hold/targets");
    }

    @Test
    void validate_actionWithoutItsTarget_namesTheKey() {
        Violation v = one(validate(withAction(a -> a.targets(Map.of()))), "action.target-key-missing", ERROR,
                "/actions/StopNodes/targets");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("\"Instances\"", "aws:ec2:instance"));
    }

    @Test
    void validate_wrongTargetKey_namesTheRightKey() {
        Violation v = one(validate(withAction(a -> a.targets(Map.of("Instance", TARGET)))), "action.target-key-unknown", ERROR,
                "/actions/StopNodes/targets/Instance");
        assertThat(v.hint()).contains("Use the key 'Instances'.");
    }

    @Test
    void validate_spotInterruptionUnderInstances_namesSpotInstances() {
        Experiment e = with("Interrupt", action("aws:ec2:send-spot-instance-interruptions", "Instances", "Spot").build(),
                "Spot", target("aws:ec2:spot-instance").putResourceTag("Lifecycle", "spot").build());
        Violation v = one(validate(e), "action.target-key-unknown", ERROR, "/actions/Interrupt/targets/Instances");
        assertThat(v.hint()).contains("Use the key 'SpotInstances'.");
        assertThat(v.message()).contains("Unexpected target \"Instances\"");
    }

    @Test
    void validate_stopTaskUnderClusters_namesTasks() {
        Experiment e = with("StopTasks", action("aws:ecs:stop-task", "Clusters", "Tasks").build(),
                "Tasks", target("aws:ecs:task").putParameter("cluster", "prod").putParameter("service", "cart").build());
        Violation v = one(validate(e), "action.target-key-unknown", ERROR, "/actions/StopTasks/targets/Clusters");
        assertThat(v.hint()).contains("Use the key 'Tasks'.");
    }

    @Test
    void validate_targetOfTheWrongResourceType_isAMismatch() {
        Experiment e = builder().putTarget(TARGET, target("aws:ec2:subnet").putResourceTag("Tier", "app").build()).build();
        Violation v = one(validate(e), "action.target-type-mismatch", ERROR, "/actions/StopNodes/targets/Instances");
        assertThat(v.message()).contains("aws:ec2:subnet", "aws:ec2:instance");
    }

    @Test
    void validate_misspelledResourceType_suggestsTheNearest() {
        Violation v = one(validate(withTarget(t -> t.resourceType("aws:ec2:instances"))), "target.resource-type-unknown", ERROR,
                "/targets/WorkerNodes/resourceType");
        assertThat(v.hint()).contains("Did you mean 'aws:ec2:instance'?");
    }

    // ---- action parameters -------------------------------------------------------------------

    @Test
    void validate_stopInstancesWithDuration_suggestsStartInstancesAfterDuration() {
        Violation v = one(validate(withAction(a -> a.parameters(Map.of("duration", "PT5M")))), "parameter.unknown", ERROR,
                "/actions/StopNodes/parameters/duration");
        assertThat(v.hint()).contains("Did you mean 'startInstancesAfterDuration'?");
    }

    @Test
    void validate_misspelledParameter_suggestsTheNearest() {
        Violation v = one(validate(withAction(a -> a.parameters(Map.of("startInstanceAfterDuration", "PT5M")))),
                "parameter.unknown", ERROR, "/actions/StopNodes/parameters/startInstanceAfterDuration");
        assertThat(v.hint()).contains("Did you mean 'startInstancesAfterDuration'?");
    }

    @Test
    void validate_parameterOnAnActionWithoutParameters_saysToRemoveIt() {
        Violation v = one(validate(withAction(a -> a.actionId("aws:ec2:terminate-instances"))), "parameter.unknown", ERROR,
                "/actions/StopNodes/parameters/startInstancesAfterDuration");
        assertThat(v.hint()).contains("aws:ec2:terminate-instances takes no parameters; remove it.");
    }

    @Test
    void validate_completeIfInstancesTerminatedWithoutARestart_warnsItHasNoEffect() {
        Violation v = one(validate(withAction(a -> a.parameters(Map.of("completeIfInstancesTerminated", "true")))),
                "parameter.ineffective", WARNING, "/actions/StopNodes/parameters/completeIfInstancesTerminated");
        assertThat(v.message()).contains("ignores 'completeIfInstancesTerminated' unless 'startInstancesAfterDuration' is set");
        assertThat(v.hint()).contains("Set 'startInstancesAfterDuration', or remove 'completeIfInstancesTerminated'.");
    }

    @Test
    void validate_completeIfInstancesTerminatedWithARestart_isFine() {
        assertThat(validate(withAction(a -> a.parameters(Map.of("completeIfInstancesTerminated", "true",
                "startInstancesAfterDuration", "PT5M")))).withCode("parameter.ineffective")).isEmpty();
    }

    @Test
    void validate_missingRequiredParameter_isRequired() {
        Experiment e = builder().putAction("Hold", Action.builder().actionId("aws:fis:wait").build()).build();
        Violation v = one(validate(e), "parameter.missing", ERROR, "/actions/Hold/parameters/duration");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("ISO-8601"));
    }

    @Test
    void validate_prefixListScopeWithoutPrefixList_isConditionallyRequired() {
        Experiment e = with("Disrupt", action("aws:network:disrupt-connectivity", "Subnets", "Subnets")
                        .putParameter("scope", "prefix-list").putParameter("duration", "PT5M").build(),
                "Subnets", target("aws:ec2:subnet").putResourceTag("Tier", "app").build());
        one(validate(e), "parameter.missing", ERROR, "/actions/Disrupt/parameters/prefixListIdentifier");
    }

    @Test
    void validate_durationWithoutPT_suggestsTheIsoForm() {
        Violation v = one(validate(withAction(a -> a.putParameter("startInstancesAfterDuration", "5m"))),
                "parameter.format", ERROR, "/actions/StopNodes/parameters/startInstancesAfterDuration");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("Did you mean 'PT5M'?"));
    }

    @Test
    void validate_durationInWords_isNotIso8601() {
        one(validate(withAction(a -> a.putParameter("startInstancesAfterDuration", "five minutes"))),
                "parameter.format", ERROR, "/actions/StopNodes/parameters/startInstancesAfterDuration");
    }

    @Test
    void validate_durationBelowTheActionsMinimum_isOutOfRange() {
        Violation v = one(validate(withAction(a -> a.putParameter("startInstancesAfterDuration", "PT30S"))),
                "parameter.range", ERROR, "/actions/StopNodes/parameters/startInstancesAfterDuration");
        assertThat(v.hint()).contains("Use a duration from PT1M to PT12H.");
    }

    @Test
    void validate_durationRangeIsPerAction_ebsPauseAcceptsThirtySeconds() {
        Experiment e = with("Pause", action("aws:ebs:pause-volume-io", "Volumes", "Volumes").putParameter("duration", "PT30S")
                .build(), "Volumes", target("aws:ec2:ebs-volume").putResourceTag("Data", "db").build());
        assertThat(validate(e).violations()).isEmpty();
        Experiment tooShort = with("Disconnect", action("aws:directconnect:virtual-interface-disconnect", "VirtualInterfaces",
                "Vifs").putParameter("duration", "PT5M").build(), "Vifs",
                target("aws:directconnect:virtual-interface").putResourceTag("Link", "primary").build());
        one(validate(tooShort), "parameter.range", ERROR, "/actions/Disconnect/parameters/duration");
    }

    @Test
    void validate_negativeDuration_isOutOfRange() {
        one(validate(withAction(a -> a.putParameter("startInstancesAfterDuration", "-PT5M"))),
                "parameter.range", ERROR, "/actions/StopNodes/parameters/startInstancesAfterDuration");
    }

    @Test
    void validate_booleanParameterWithYes_isATypeError() {
        one(validate(withAction(a -> a.putParameter("completeIfInstancesTerminated", "yes"))), "parameter.type", ERROR,
                "/actions/StopNodes/parameters/completeIfInstancesTerminated");
    }

    @Test
    void validate_percentageOf101_isOutOfRange() {
        Experiment e = with("Drain", action("aws:ecs:drain-container-instances", "Clusters", "Clusters")
                        .putParameter("drainagePercentage", "101").putParameter("duration", "PT5M").build(),
                "Clusters", target("aws:ecs:cluster").putResourceTag("Env", "prod").build());
        one(validate(e), "parameter.range", ERROR, "/actions/Drain/parameters/drainagePercentage");
    }

    @Test
    void validate_fractionalPercentage_isATypeError() {
        Experiment e = with("Drain", action("aws:ecs:drain-container-instances", "Clusters", "Clusters")
                        .putParameter("drainagePercentage", "50.5").putParameter("duration", "PT5M").build(),
                "Clusters", target("aws:ecs:cluster").putResourceTag("Env", "prod").build());
        one(validate(e), "parameter.type", ERROR, "/actions/Drain/parameters/drainagePercentage");
    }

    @Test
    void validate_enumValueWithUnderscore_suggestsTheHyphenatedValue() {
        Experiment e = with("Disrupt", action("aws:network:disrupt-connectivity", "Subnets", "Subnets")
                        .putParameter("scope", "availability_zone").putParameter("duration", "PT5M").build(),
                "Subnets", target("aws:ec2:subnet").putResourceTag("Tier", "app").build());
        Violation v = one(validate(e), "parameter.value-unknown", ERROR, "/actions/Disrupt/parameters/scope");
        assertThat(v.hint()).contains("Did you mean 'availability-zone'?");
    }

    @Test
    void validate_listItemOutsideItsValues_suggestsTheNearest() {
        Experiment e = builder().putAction("Assert", Action.builder().actionId("aws:cloudwatch:assert-alarm-state")
                .putParameter("alarmArns", Templates.ALARM_ARN).putParameter("alarmStates", "OK,ALRM").build()).build();
        Violation v = one(validate(e), "parameter.value-unknown", ERROR, "/actions/Assert/parameters/alarmStates");
        assertThat(v.hint()).contains("Did you mean 'ALARM'?");
    }

    @Test
    void validate_sixAlarmArns_isOverTheListMaximum() {
        String six = String.join(",", java.util.Collections.nCopies(6, Templates.ALARM_ARN));
        Experiment e = builder().putAction("Assert", Action.builder().actionId("aws:cloudwatch:assert-alarm-state")
                .putParameter("alarmArns", six).putParameter("alarmStates", "OK").build()).build();
        one(validate(e), "parameter.range", ERROR, "/actions/Assert/parameters/alarmArns");
    }

    @Test
    void validate_kubernetesSpecThatIsNotJson_isATypeError() {
        Experiment e = with("Chaos", action("aws:eks:inject-kubernetes-custom-resource", "Cluster", "Cluster")
                        .putParameter("kubernetesApiVersion", "chaos-mesh.org/v1alpha1").putParameter("kubernetesKind", "PodChaos")
                        .putParameter("kubernetesNamespace", "chaos").putParameter("kubernetesSpec", "action: pod-kill")
                        .putParameter("maxDuration", "PT5M").build(),
                "Cluster", target("aws:eks:cluster").addResourceArn(CLUSTER_ARN).build());
        one(validate(e), "parameter.type", ERROR, "/actions/Chaos/parameters/kubernetesSpec");
    }

    // ---- SSM documents -----------------------------------------------------------------------

    @Test
    void validate_cpuStressWithoutDurationSeconds_isRequired() {
        Violation v = one(validate(stress("{\"LoadPercent\":\"50\"}")), "parameter.document-missing", ERROR,
                "/actions/Stress/parameters/documentParameters");
        assertThat(v.message()).contains("AWSFIS-Run-CPU-Stress", "DurationSeconds");
    }

    @Test
    void validate_cpuStressWithoutDocumentParameters_isRequired() {
        one(validate(stress(null)), "parameter.document-missing", ERROR, "/actions/Stress/parameters/documentParameters");
    }

    @Test
    void validate_cpuStressWithDurationSeconds_isValid() {
        assertThat(validate(stress("{\"DurationSeconds\":\"300\",\"InstallDependencies\":\"True\"}")).violations()).isEmpty();
    }

    @Test
    void validate_misspelledDocumentParameter_suggestsTheNearest() {
        Violation v = one(validate(stress("{\"DurationSeconds\":\"300\",\"LoadPercents\":\"50\"}")), "parameter.document-unknown",
                ERROR, "/actions/Stress/parameters/documentParameters");
        assertThat(v.hint()).contains("Did you mean 'LoadPercent'?");
    }

    @Test
    void validate_documentParameterOutOfRange_isAnSsmRangeError() {
        one(validate(stress("{\"DurationSeconds\":\"300\",\"LoadPercent\":\"150\"}")), "parameter.document-range", ERROR,
                "/actions/Stress/parameters/documentParameters");
    }

    @Test
    void validate_documentParameterOfTheWrongType_isAnSsmTypeError() {
        one(validate(stress("{\"DurationSeconds\":\"five minutes\"}")), "parameter.document-type", ERROR,
                "/actions/Stress/parameters/documentParameters");
    }

    @Test
    void validate_documentParametersThatAreNotJson_isAnError() {
        one(validate(stress("{DurationSeconds: 60")), "parameter.document-json-format", ERROR,
                "/actions/Stress/parameters/documentParameters");
        one(validate(stress("[\"DurationSeconds\"]")), "parameter.document-json-format", ERROR,
                "/actions/Stress/parameters/documentParameters");
    }

    @Test
    void validate_customDocument_isNotChecked() {
        Experiment e = builder().putAction("Run", action("aws:ssm:send-command", "Instances", TARGET)
                .putParameter("documentArn", "arn:aws:ssm:us-east-1:123456789012:document/MyChaos")
                .putParameter("documentParameters", "{\"Anything\":\"goes\"}").putParameter("duration", "PT5M").build()).build();
        assertThat(validate(e).violations()).isEmpty();
    }

    // ---- how targets are identified -------------------------------------------------------------

    @Test
    void validate_eksPodsByParameters_isValid() {
        Experiment e = with("CpuStress", action("aws:eks:pod-cpu-stress", "Pods", "Pods").putParameter("duration", "PT5M")
                .putParameter("kubernetesServiceAccount", "fis").build(), "Pods", pods());
        assertThat(validate(e).violations()).isEmpty();
    }

    @Test
    void validate_eksPodsByArns_isRejected() {
        Experiment e = with("CpuStress", action("aws:eks:pod-cpu-stress", "Pods", "Pods").putParameter("duration", "PT5M")
                        .putParameter("kubernetesServiceAccount", "fis").build(), "Pods",
                TemplateTarget.builder().from(pods()).addResourceArn("arn:aws:eks:us-east-1:123456789012:pod/prod/shop/cart-1").build());
        Violation v = one(validate(e), "target.identification-mismatch", ERROR, "/targets/Pods/resourceArns");
        assertThat(v.message()).contains("aws:eks:pod does not support resourceArns");
        assertThat(validate(e).errors()).hasSize(1);
    }

    @Test
    void validate_eksPodsByTags_isRejected() {
        Experiment e = with("CpuStress", action("aws:eks:pod-cpu-stress", "Pods", "Pods").putParameter("duration", "PT5M")
                        .putParameter("kubernetesServiceAccount", "fis").build(), "Pods",
                TemplateTarget.builder().from(pods()).putResourceTag("app", "cart").build());
        one(validate(e), "target.identification-mismatch", ERROR, "/targets/Pods/resourceTags");
    }

    private static Experiment ice(TemplateTarget roles) {
        return with("Ice", action("aws:ec2:api-insufficient-instance-capacity-error", "Roles", "Roles")
                .putParameter("duration", "PT5M").putParameter("availabilityZoneIdentifiers", "use1-az1")
                .putParameter("percentage", "100").build(), "Roles", roles);
    }

    @Test
    void validate_iceActionWithRolesByTags_isRejected() {
        ValidationResult r = validate(ice(target("aws:iam:role").putResourceTag("Launches", "capacity").build()));
        Violation v = one(r.withCode("target.identification-mismatch").stream().filter(x -> x.path().endsWith("/resourceTags"))
                .collect(Collectors.toList()), "target.identification-mismatch", ERROR, "/targets/Roles/resourceTags");
        assertThat(v.message()).contains("aws:ec2:api-insufficient-instance-capacity-error");
        assertThat(v.hint()).contains("Identify the resources by arns.");
    }

    @Test
    void validate_iceActionWithRolesByArns_isValid() {
        assertThat(validate(ice(target("aws:iam:role").addResourceArn(ROLE_1).build())).violations()).isEmpty();
    }

    @Test
    void validate_customResourceActionWithTwoClusters_takesOneArn() {
        Experiment e = with("Chaos", action("aws:eks:inject-kubernetes-custom-resource", "Cluster", "Cluster")
                        .putParameter("kubernetesApiVersion", "chaos-mesh.org/v1alpha1").putParameter("kubernetesKind", "PodChaos")
                        .putParameter("kubernetesNamespace", "chaos").putParameter("kubernetesSpec", "{\"action\":\"pod-kill\"}")
                        .putParameter("maxDuration", "PT5M").build(),
                "Cluster", target("aws:eks:cluster").addResourceArn(CLUSTER_ARN)
                        .addResourceArn("arn:aws:eks:us-east-1:123456789012:cluster/staging").build());
        Violation v = one(validate(e), "target.identification-mismatch", ERROR, "/targets/Cluster/resourceArns");
        assertThat(v.message()).contains("at most 1 resource ARN");
    }

    @Test
    void validate_s3PauseReplicationWithBucketArns_isTagsOnly() {
        Experiment e = with("Pause", action("aws:s3:bucket-pause-replication", "Buckets", "Buckets")
                        .putParameter("duration", "PT5M").putParameter("region", "us-west-2").build(),
                "Buckets", target("aws:s3:bucket").addResourceArn("arn:aws:s3:::orders-bucket").build());
        one(validate(e), "target.identification-mismatch", ERROR, "/targets/Buckets/resourceArns");
    }

    // ---- target parameters ---------------------------------------------------------------------

    @Test
    void validate_parameterOnATypeWithoutParameters_saysToRemoveIt() {
        Violation v = one(validate(withTarget(t -> t.putParameter("availabilityZone", "us-east-1a"))),
                "target.parameter-unknown", ERROR, "/targets/WorkerNodes/parameters/availabilityZone");
        assertThat(v.hint()).contains("aws:ec2:instance takes no parameters; remove it.");
    }

    @Test
    void validate_misspelledTargetParameter_suggestsTheNearest() {
        Experiment e = builder().putTarget("Subnets", target("aws:ec2:subnet").putResourceTag("Tier", "app")
                        .putParameter("availabilityZoneIdentifer", "us-east-1a").build())
                .putAction("Disrupt", action("aws:network:disrupt-connectivity", "Subnets", "Subnets").putParameter("duration", "PT5M")
                        .build()).build();
        Violation v = one(validate(e), "target.parameter-unknown", ERROR,
                "/targets/Subnets/parameters/availabilityZoneIdentifer");
        assertThat(v.hint()).contains("Did you mean 'availabilityZoneIdentifier'?");
    }

    @Test
    void validate_podsWithoutNamespace_isRequired() {
        TemplateTarget noNamespace = TemplateTarget.builder().from(pods()).parameters(Map.of("clusterIdentifier", "prod",
                "selectorType", "labelSelector", "selectorValue", "app=cart")).build();
        Experiment e = with("Delete", action("aws:eks:pod-delete", "Pods", "Pods").putParameter("kubernetesServiceAccount", "fis")
                .build(), "Pods", noNamespace);
        one(validate(e), "target.parameter-missing", ERROR, "/targets/Pods/parameters/namespace");
    }

    @Test
    void validate_podSelectorTypeInLowerCase_suggestsTheValue() {
        TemplateTarget lower = TemplateTarget.builder().from(pods()).putParameter("selectorType", "labelselector").build();
        Experiment e = with("Delete", action("aws:eks:pod-delete", "Pods", "Pods").putParameter("kubernetesServiceAccount", "fis")
                .build(), "Pods", lower);
        Violation v = one(validate(e), "target.parameter-value-unknown", ERROR, "/targets/Pods/parameters/selectorType");
        assertThat(v.hint()).contains("Did you mean 'labelSelector'?");
    }

    @Test
    void validate_replicationGroupWithoutAvailabilityZone_isRequired() {
        Experiment e = with("PowerOff", Action.builder().actionId("aws:elasticache:replicationgroup-interrupt-az-power")
                        .putTarget("ReplicationGroups", "Cache").putParameter("duration", "PT10M").build(),
                "Cache", target("aws:elasticache:replicationgroup").putResourceTag("Tier", "cache").build());
        one(validate(e), "target.parameter-missing", ERROR, "/targets/Cache/parameters/availabilityZoneIdentifier");
    }

    @Test
    void validate_volumeArnInAnInstanceTarget_isTheWrongArnType() {
        Experiment e = withTarget(t -> t.resourceTags(Map.of()).filters(List.of())
                .addResourceArn("arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0"));
        one(validate(e), "target.arn-type-mismatch", ERROR, "/targets/WorkerNodes/resourceArns/0");
    }

    // ---- unused targets and per-action target quotas ------------------------------------------

    @Test
    void validate_targetNoActionUses_warns() {
        one(validate(builder().putTarget("Spare", Templates.workerNodes()).build()), "target.unused", WARNING, "/targets/Spare");
    }

    @Test
    void validate_countAboveTheActionsTargetQuota_warns() {
        Violation v = one(validate(withTarget(t -> t.selectionMode(SelectionMode.count(6)))), "quota.action-targets-too-many", WARNING,
                "/targets/WorkerNodes");
        assertThat(v.message()).contains("L-3F98B425");
    }

    @Test
    void validate_countAtTheActionsTargetQuota_isValid() {
        assertThat(validate(withTarget(t -> t.selectionMode(SelectionMode.count(5)))).violations()).isEmpty();
    }

    @Test
    void validate_baseAction_hasTheExpectedName() {
        assertThat(Templates.base().actions()).containsOnlyKeys(ACTION);
    }
}
