package dev.faultline.dsl;

/** Marks a {@link Target} of a Direct Connect virtual interface (FIS resource type {@code aws:directconnect:virtual-interface}); never instantiated. */
public final class DirectConnectVirtualInterface implements ResourceType {

    private DirectConnectVirtualInterface() {}
}
