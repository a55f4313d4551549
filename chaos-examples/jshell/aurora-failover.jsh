// Aurora failover after a five-minute baseline.
var failover = (experiment("orders-aurora-failover")
    .description("Fail over the orders Aurora cluster after a five-minute baseline")
    .role("arn:aws:iam::112233445566:role/FisExperimentRole")
    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:OrdersErrors"))
    .logToCloudWatch("arn:aws:logs:us-east-1:112233445566:log-group:/fis/orders")
    .action("baseline", waitFor(Duration.ofMinutes(5)))
    .then("failover", Rds.failoverDbCluster(
        rdsClusters().tagged("App", "orders").writerIn("us-east-1a").all())));

System.out.println("staging errors: " + failover.validate(SafetyPolicy.staging()).errors().size());
System.out.println(failover.toJson());
/exit
