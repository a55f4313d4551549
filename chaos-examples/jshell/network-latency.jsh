// Network latency: 300 ms towards DynamoDB for checkout instances and tasks in us-east-1a.
var duration = Duration.ofMinutes(15);
var latency = (experiment("checkout-dynamodb-latency")
    .description("300 ms of latency to DynamoDB for checkout in us-east-1a")
    .role("arn:aws:iam::112233445566:role/FisExperimentRole")
    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:CheckoutP99"))
    .action("instance-latency", Ssm.sendCommand(
        ec2Instances().tagged("App", "checkout").running().inAvailabilityZone("us-east-1a").all(),
        "us-east-1",
        Ssm.runNetworkLatencySources("DYNAMODB").delayMilliseconds(300).jitterMilliseconds(20),
        duration))
    .action("task-latency", Ecs.taskNetworkLatency(
        ecsTasks().tagged("App", "checkout").inAvailabilityZone("us-east-1a").all(), duration)
        .delayMilliseconds(300).sources("DYNAMODB")));

System.out.println("staging errors: " + latency.validate(SafetyPolicy.staging()).errors().size());
System.out.println(latency.toJson());
/exit
