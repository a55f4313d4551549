// Three alarms stop the experiment; a two-metric hypothesis says what must hold.
var delay = (experiment("pricing-lambda-delay")
    .description("Delay half of the pricing function's invocations by two seconds")
    .role("arn:aws:iam::112233445566:role/FisExperimentRole")
    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:PricingErrors"),
        alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:PricingLatencyP99"),
        alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:PricingThrottles"))
    .hypothesis("pricing stays correct and fast enough",
        steadyState("errors under 1 a minute")
            .metric("AWS/Lambda", "Errors").dimension("FunctionName", "pricing")
            .sum().per(Duration.ofMinutes(1)).below(1),
        steadyState("p99 duration under 3 s")
            .metric("AWS/Lambda", "Duration").dimension("FunctionName", "pricing")
            .percentile(99).per(Duration.ofMinutes(1)).below(3000))
    .action("delay", Lambda.invocationAddDelay(
        lambdaFunctions().tagged("App", "pricing").qualifier("live").percent(50),
        Duration.ofMinutes(10))
        .invocationPercentage(50).startupDelayMilliseconds(2000)));

System.out.println("staging errors: " + delay.validate(SafetyPolicy.staging()).errors().size());
System.out.println(delay.toJson());
/exit
