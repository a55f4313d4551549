package dev.faultline.dsl;

/** Marks a {@link Target} of a Lambda function (FIS resource type {@code aws:lambda:function}); never instantiated. */
public final class LambdaFunction implements ResourceType {

    private LambdaFunction() {}
}
