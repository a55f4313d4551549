package dev.faultline.dsl;

/** Marks a {@link Target} of an IAM role (FIS resource type {@code aws:iam:role}); never instantiated. */
public final class IamRole implements ResourceType {

    private IamRole() {}
}
