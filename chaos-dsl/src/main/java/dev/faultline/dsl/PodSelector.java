package dev.faultline.dsl;

import dev.faultline.dsl.internal.Checks;

/**
 * How an EKS pod target chooses pods in its namespace: by label selector, deployment name or
 * pod name (FIS's {@code selectorType} and {@code selectorValue}).
 *
 * <pre>{@code
 * eksPods("prod-cluster", "checkout", PodSelector.labels("app=checkout"))
 * }</pre>
 */
public final class PodSelector {

    private final String type;
    private final String value;

    private PodSelector(String type, String value) {
        this.type = type;
        this.value = Checks.text("selectorValue", value);
    }

    /**
     * Chooses pods by a Kubernetes label selector.
     *
     * @param selector the selector, for example {@code app=checkout}
     * @return the selector
     */
    public static PodSelector labels(String selector) {
        return new PodSelector("labelSelector", selector);
    }

    /**
     * Chooses the pods of a deployment.
     *
     * @param name the deployment name
     * @return the selector
     */
    public static PodSelector deployment(String name) {
        return new PodSelector("deploymentName", name);
    }

    /**
     * Chooses one pod by name.
     *
     * @param name the pod name
     * @return the selector
     */
    public static PodSelector pod(String name) {
        return new PodSelector("podName", name);
    }

    /**
     * The FIS selector type.
     *
     * @return {@code labelSelector}, {@code deploymentName} or {@code podName}
     */
    public String type() {
        return type;
    }

    /**
     * The selector value.
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PodSelector && ((PodSelector) o).type.equals(type) && ((PodSelector) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
