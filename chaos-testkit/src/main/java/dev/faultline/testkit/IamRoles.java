package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM roles LocalFis knows, with their trust and permissions policies: what its IAM API
 * ({@code GetRole}, {@code SimulatePrincipalPolicy}) answers from. Roles not given here do not
 * exist ({@code NoSuchEntity}). Thread-safe.
 *
 * <pre>{@code
 * LocalFis fis = LocalFis.builder()
 *         .iam(iam -> iam.put("arn:aws:iam::123456789012:role/FisRole", trustJson, permissionsJson))
 *         .start();
 * }</pre>
 */
public final class IamRoles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One role.
     *
     * @param arn the role ARN
     * @param name the role name (the ARN's last path segment)
     * @param created when it was put
     * @param trustPolicy the trust (assume-role) policy document
     * @param policies the permissions policies by name
     */
    public record Role(String arn, String name, Instant created, JsonNode trustPolicy, Map<String, JsonNode> policies) {

        /**
         * Checks and freezes the role.
         *
         * @param arn the ARN
         * @param name the name
         * @param created the creation time
         * @param trustPolicy the trust policy
         * @param policies the permissions policies
         */
        public Role {
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(trustPolicy, "trustPolicy");
            policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        }
    }

    private final Clock clock;
    private final Map<String, Role> roles = new LinkedHashMap<>();

    /**
     * An empty set of roles.
     *
     * @param clock the clock of creation dates
     */
    public IamRoles(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds (or replaces) a role with one permissions policy, named {@code FaultlinePolicy}.
     *
     * @param roleArn {@code arn:aws:iam::ACCOUNT:role/[PATH/]NAME}
     * @param trustPolicyJson the trust policy document
     * @param permissionsPolicyJson the permissions policy document
     * @return this
     * @throws IllegalArgumentException when the ARN is not a role ARN or a document is not a JSON object
     */
    public IamRoles put(String roleArn, String trustPolicyJson, String permissionsPolicyJson) {
        return put(roleArn, trustPolicyJson, Map.of("FaultlinePolicy", permissionsPolicyJson));
    }

    /**
     * Adds (or replaces) a role with named permissions policies.
     *
     * @param roleArn {@code arn:aws:iam::ACCOUNT:role/[PATH/]NAME}
     * @param trustPolicyJson the trust policy document
     * @param permissionsPolicies the permissions policy documents by name
     * @return this
     * @throws IllegalArgumentException when the ARN is not a role ARN or a document is not a JSON object
     */
    public IamRoles put(String roleArn, String trustPolicyJson, Map<String, String> permissionsPolicies) {
        String name = nameOf(roleArn).orElseThrow(() -> new IllegalArgumentException(
                "Not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME): " + roleArn));
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        permissionsPolicies.forEach((k, v) -> policies.put(k, document(v, "permissions policy " + k)));
        Role role = new Role(roleArn, name, clock.instant(), document(trustPolicyJson, "trust policy"), policies);
        synchronized (this) {
            roles.put(roleArn, role);
        }
        return this;
    }

    /**
     * Removes a role.
     *
     * @param roleArn the role ARN
     * @return true when it existed
     */
    public synchronized boolean remove(String roleArn) {
        return roles.remove(roleArn) != null;
    }

    /**
     * The role with this ARN.
     *
     * @param roleArn the ARN
     * @return the role, if given
     */
    public synchronized Optional<Role> byArn(String roleArn) {
        return Optional.ofNullable(roles.get(roleArn));
    }

    /**
     * The role with this name (as GetRole looks it up).
     *
     * @param name the role name
     * @return the role, if given
     */
    public synchronized Optional<Role> byName(String name) {
        return roles.values().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Every role, in the order given.
     *
     * @return the roles
     */
    public synchronized List<Role> all() {
        return List.copyOf(new ArrayList<>(roles.values()));
    }

    /**
     * The name in a role ARN: the last segment of its path.
     *
     * @param roleArn the ARN
     * @return the name, or empty when it is not a role ARN
     */
    public static Optional<String> nameOf(String roleArn) {
        if (roleArn == null || !roleArn.matches("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+")) {
            return Optional.empty();
        }
        String path = roleArn.substring(roleArn.indexOf(":role/") + 6);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static JsonNode document(String json, String what) {
        try {
            JsonNode n = JSON.readTree(Objects.requireNonNull(json, what));
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("The " + what + " is not a JSON object.");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("The " + what + " is not valid JSON.", e);
        }
    }
}
