// CPU stress via SSM: 80% CPU on a quarter of the API instances for ten minutes.
var cpuStress = (experiment("api-cpu-stress")
    .description("80% CPU load on a quarter of the API instances for ten minutes")
    .role("arn:aws:iam::112233445566:role/FisExperimentRole")
    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:ApiLatencyHigh"))
    .action("cpu-stress", Ssm.sendCommand(
        ec2Instances().tagged("App", "api").running().percent(25),
        "us-east-1",
        Ssm.runCpuStress().loadPercent(80).installDependencies(true),
        Duration.ofMinutes(10))));

System.out.println("staging errors: " + cpuStress.validate(SafetyPolicy.staging()).errors().size());
System.out.println(cpuStress.toJson());
/exit
