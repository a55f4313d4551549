package dev.faultline.dsl;

/** Marks a {@link Target} of a Kinesis data stream (FIS resource type {@code aws:kinesis:stream}); never instantiated. */
public final class KinesisStream implements ResourceType {

    private KinesisStream() {}
}
