// Compute node loss: stop 20% of the running worker nodes, restart them after five minutes.
var workers = (ec2Instances()
    .tagged("Environment", "staging").tagged("Role", "WorkerNode")
    .running()
    .percent(20));

var nodeLoss = (experiment("payment-worker-node-loss")
    .description("Stop 20% of the staging worker nodes for five minutes")
    .role("arn:aws:iam::112233445566:role/FisExperimentRole")
    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:Payment5xx"))
    .tag("Owner", "payments")
    .hypothesis(steadyState("payment 5xx stays under 5 a minute")
        .metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
        .dimension("TargetGroup", "targetgroup/payment-tg/a1b2c3d4e5f6")
        .sum().per(Duration.ofMinutes(1)).below(5))
    .action("stop-workers", Ec2.stopInstances(workers).restartAfter(Duration.ofMinutes(5))));

System.out.println("staging errors: " + nodeLoss.validate(SafetyPolicy.staging()).errors().size());
System.out.println(nodeLoss.toJson());
/exit
