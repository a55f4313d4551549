package dev.faultline.temporal;

import java.util.Objects;

/**
 * Where a run goes: an account and a Region, and the FIS execution role to use there (which
 * replaces the experiment's own {@code roleArn}, since a role belongs to one account). Blank
 * account and Region mean the worker's default clients.
 *
 * @param account the AWS account id, or empty for the worker's default
 * @param region the Region, or empty for the worker's default
 * @param roleArn the experiment role in that account, or empty to keep the experiment's own
 */
public record RunTarget(String account, String region, String roleArn) {

    private static final RunTarget DEFAULT = new RunTarget("", "", "");

    /**
     * Normalises absent parts to empty strings.
     *
     * @param account the account id
     * @param region the Region
     * @param roleArn the role ARN
     */
    public RunTarget {
        account = account == null ? "" : account.trim();
        region = region == null ? "" : region.trim();
        roleArn = roleArn == null ? "" : roleArn.trim();
    }

    /**
     * The worker's default account and Region, with the experiment's own role.
     *
     * @return the default target
     */
    public static RunTarget defaultTarget() {
        return DEFAULT;
    }

    /**
     * A target in an account and Region with a role there.
     *
     * @param account the account id
     * @param region the Region
     * @param roleArn the FIS execution role in that account
     * @return the target
     */
    public static RunTarget of(String account, String region, String roleArn) {
        return new RunTarget(Objects.requireNonNull(account, "account"), Objects.requireNonNull(region, "region"),
                roleArn);
    }

    /**
     * The key FIS's quota of active experiments counts by: {@code account/region}.
     *
     * @return the key, {@code default} for the worker's default clients
     */
    public String key() {
        if (account.isEmpty() && region.isEmpty()) {
            return "default";
        }
        return account + "/" + region;
    }

    @Override
    public String toString() {
        return key() + (roleArn.isEmpty() ? "" : " as " + roleArn);
    }
}
