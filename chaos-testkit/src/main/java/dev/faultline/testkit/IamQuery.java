package dev.faultline.testkit;

import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.PolicySimulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The IAM calls of the AWS SDK 2.40.2 (query protocol, API version 2010-05-08): a form-encoded
 * {@code POST /} with {@code Action=GetRole} or {@code Action=SimulatePrincipalPolicy}, answered
 * with XML from the roles LocalFis was given ({@link IamRoles}) through {@link PolicySimulator}.
 */
final class IamQuery {

    /** The API version that marks a form request as IAM's. */
    public static final String VERSION = "2010-05-08";

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final int MAX_ITEMS = 1000;

    private final IamRoles roles;

    /**
     * The IAM API over a set of roles.
     *
     * @param roles the roles
     */
    public IamQuery(IamRoles roles) {
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    /**
     * Answers one request.
     *
     * @param form the decoded form parameters
     * @param requestId the request id
     * @return the answer (HTTP status, error code, XML)
     */
    public CloudWatchQuery.Answer handle(Map<String, List<String>> form, String requestId) {
        Map<String, String> p = new TreeMap<>();
        form.forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
        String action = p.getOrDefault("Action", "");
        try {
            switch (action) {
                case "GetRole":
                    return ok(action, getRole(required(p, "RoleName")), requestId);
                case "SimulatePrincipalPolicy":
                    return ok(action, simulate(p), requestId);
                default:
                    throw new ApiException(400, "InvalidAction", "LocalFis's IAM has no action " + action
                            + " (it answers GetRole and SimulatePrincipalPolicy).");
            }
        } catch (ApiException e) {
            return error(e.status(), e.type(), e.getMessage(), requestId);
        }
    }

    private String getRole(String name) {
        IamRoles.Role r = roles.byName(name).orElseThrow(() -> noSuchRole(name));
        StringBuilder b = new StringBuilder("<Role>");
        String arn = r.arn();
        String path = arn.substring(arn.indexOf(":role") + 5, arn.length() - name.length());
        el(b, "Path", path);
        el(b, "RoleName", name);
        el(b, "RoleId", "AROA" + String.format(Locale.ROOT, "%016X", (long) arn.hashCode() & 0xffffffffL));
        el(b, "Arn", arn);
        el(b, "CreateDate", DateTimeFormatter.ISO_INSTANT.format(r.created().truncatedTo(ChronoUnit.SECONDS)));
        // IAM returns the trust policy URL-encoded
        el(b, "AssumeRolePolicyDocument", URLEncoder.encode(r.trustPolicy().toString(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        el(b, "MaxSessionDuration", "3600");
        return b.append("</Role>").toString();
    }

    private String simulate(Map<String, String> p) {
        String arn = required(p, "PolicySourceArn");
        String name = IamRoles.nameOf(arn).orElseThrow(() -> new ApiException(400, "InvalidInput",
                "PolicySourceArn " + arn + " is not a role ARN; LocalFis simulates roles only."));
        IamRoles.Role role = roles.byArn(arn).orElseThrow(() -> noSuchRole(name));
        List<String> actions = members(p, "ActionNames.member.");
        if (actions.isEmpty()) {
            throw new ApiException(400, "InvalidInput", "ActionNames must name at least one action.");
        }
        List<String> resources = members(p, "ResourceArns.member.");
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (int i = 1; p.containsKey("ContextEntries.member." + i + ".ContextKeyName"); i++) {
            String prefix = "ContextEntries.member." + i + ".";
            context.put(p.get(prefix + "ContextKeyName").toLowerCase(Locale.ROOT),
                    members(p, prefix + "ContextKeyValues.member."));
        }
        List<PolicySimulator.Decision> all = new ArrayList<>();
        for (String action : actions) {
            for (String resource : resources) {
                all.add(PolicySimulator.simulate(role.policies(), action, resource, context));
            }
        }
        int from = integer(p, "Marker", 0);
        int max = Math.min(MAX_ITEMS, Math.max(1, integer(p, "MaxItems", 100)));
        int to = Math.min(all.size(), from + max);
        StringBuilder b = new StringBuilder();
        el(b, "IsTruncated", String.valueOf(to < all.size()));
        if (to < all.size()) {
            el(b, "Marker", String.valueOf(to));
        }
        b.append("<EvaluationResults>");
        for (PolicySimulator.Decision d : all.subList(Math.min(from, all.size()), to)) {
            b.append("<member>");
            el(b, "EvalActionName", d.action());
            el(b, "EvalResourceName", d.resource());
            el(b, "EvalDecision", d.decision());
            b.append("<MatchedStatements>");
            for (String policy : d.matched()) {
                b.append("<member>");
                el(b, "SourcePolicyId", policy);
                el(b, "SourcePolicyType", "IAM Policy");
                b.append("</member>");
            }
            b.append("</MatchedStatements><MissingContextValues>");
            d.missingContext().forEach(k -> el(b, "member", k));
            b.append("</MissingContextValues></member>");
        }
        return b.append("</EvaluationResults>").toString();
    }

    private static ApiException noSuchRole(String name) {
        return new ApiException(404, "NoSuchEntity", "The role with name " + name + " cannot be found. (LocalFis knows"
                + " the roles it is given: LocalFis.builder().iam(...), or faultline local-fis --role-for TEMPLATE.)");
    }

    private static List<String> members(Map<String, String> p, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; p.containsKey(prefix + i); i++) {
            out.add(p.get(prefix + i));
        }
        return out;
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw new ApiException(400, "InvalidInput", "The parameter " + name + " is required.");
        }
        return v;
    }

    private static int integer(Map<String, String> p, String name, int fallback) {
        try {
            int v = p.containsKey(name) ? Integer.parseInt(p.get(name)) : fallback;
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "InvalidInput", name + " is not valid.");
        }
    }

    private static void el(StringBuilder b, String name, String value) {
        b.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static CloudWatchQuery.Answer ok(String action, String result, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + action + "Response xmlns=\"" + NS + "\"><" + action
                + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>" + requestId
                + "</RequestId></ResponseMetadata></" + action + "Response>";
        return new CloudWatchQuery.Answer(200, null, xml);
    }

    /**
     * An error in the query protocol's shape, in IAM's namespace.
     *
     * @param status the HTTP status
     * @param code the error code
     * @param message the message
     * @param requestId the request id
     * @return the answer
     */
    public static CloudWatchQuery.Answer error(int status, String code, String message, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>"
                + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + escape(code) + "</Code><Message>"
                + escape(message) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return new CloudWatchQuery.Answer(status, code, xml);
    }
}
