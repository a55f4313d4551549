package dev.faultline.dsl;

/** Marks a {@link Target} of an S3 bucket (FIS resource type {@code aws:s3:bucket}); never instantiated. */
public final class S3Bucket implements ResourceType {

    private S3Bucket() {}
}
