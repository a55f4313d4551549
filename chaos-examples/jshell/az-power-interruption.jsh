// AZ power interruption in us-east-1a for 30 minutes, from the scenario library.
var base = (experiment("az-power-interruption")
    .role("arn:aws:iam::112233445566:role/FisExperimentRole")
    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:RegionalHealth"))
    .tag("Owner", "platform"));

var azPower = (Scenarios.azPowerInterruption(base, "us-east-1a", Duration.ofMinutes(30),
    "arn:aws:iam::112233445566:role/AsgLaunchRole"));

System.out.println("staging errors: " + azPower.validate(SafetyPolicy.staging()).errors().size());
System.out.println(azPower.toJson());
/exit
