package dev.faultline.dsl;

/** Marks a {@link Target} of a DynamoDB global table (FIS resource type {@code aws:dynamodb:global-table}); never instantiated. */
public final class DynamoDbGlobalTable implements ResourceType {

    private DynamoDbGlobalTable() {}
}
