package dev.faultline.core.plan;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How much an experiment can harm: per target, how its resources are chosen, the worst-case
 * share of them, which actions hit it and whether FIS undoes the harm; with the resolved
 * counts when a target preview supplied them; and the facts a safety reviewer wants first.
 *
 * <p>A blast radius is immutable; {@link #withResolvedCounts(Map)} returns a new one.
 *
 * <pre>{@code
 * BlastRadius radius = ExperimentPlan.of(experiment).blastRadius();
 * radius.anyIrreversible();                           // true
 * radius.target("web").map(TargetImpact::worstCase);  // Optional[20% of matching resources]
 * radius.withResolvedCounts(Map.of("web", 10L))
 *       .target("web").orElseThrow().chosenCount();   // OptionalLong[2]
 * String text = radius.render();                      // the table and the safety facts
 * }</pre>
 */
public final class BlastRadius {

    private final Experiment experiment;
    private final List<TargetImpact> targets;
    private final Map<String, String> irreversible;
    private final List<String> safetyFacts;

    private BlastRadius(Experiment experiment, List<TargetImpact> targets, Map<String, String> irreversible) {
        this.experiment = experiment;
        this.targets = List.copyOf(targets);
        this.irreversible = irreversible;
        this.safetyFacts = SafetyFacts.of(experiment, this.targets, irreversible);
    }

    /**
     * Works out the blast radius of a plan's experiment, with the plan's catalog.
     *
     * @param plan the plan
     * @return the blast radius
     */
    public static BlastRadius of(ExperimentPlan plan) {
        Objects.requireNonNull(plan, "plan");
        Experiment e = plan.experiment();
        Map<String, String> irreversible = new LinkedHashMap<>();
        e.actions().forEach((name, action) ->
                irreversibleReason(action, plan.catalog()).ifPresent(reason -> irreversible.put(name, reason)));
        List<TargetImpact> impacts = new ArrayList<>();
        e.targets().forEach((name, target) -> impacts.add(impact(name, target, e, irreversible)));
        return new BlastRadius(e, impacts, irreversible);
    }

    private static TargetImpact impact(String name, TemplateTarget target, Experiment e, Map<String, String> irreversible) {
        TargetImpact.Builder b = TargetImpact.builder()
                .name(name)
                .resourceType(target.resourceType())
                .selectedBy(selectedBy(target))
                .chosenBy(chosenBy(target))
                .selectionMode(target.selectionMode())
                .worstCase(Share.of(target));
        e.actions().forEach((actionName, action) -> action.targets().forEach((key, targetName) -> {
            if (targetName.equals(name)) {
                String reason = irreversible.get(actionName);
                b.addAction(ActionHit.builder()
                        .name(actionName)
                        .actionId(action.actionId().orElse(""))
                        .targetKey(key)
                        .reversible(reason == null)
                        .irreversibleReason(Optional.ofNullable(reason))
                        .build());
            }
        }));
        return b.build();
    }

    /** Why FIS does not undo an action's harm; empty when it does. */
    static Optional<String> irreversibleReason(Action action, Catalog catalog) {
        if (action.actionId().isEmpty()) {
            return Optional.of("the action has no action id, so it is assumed irreversible");
        }
        String id = action.actionId().get();
        Optional<ActionDefinition> definition = catalog.action(id);
        if (definition.isEmpty()) {
            return Optional.of(id + " is not in the catalog, so it is assumed irreversible");
        }
        ActionDefinition d = definition.get();
        if (d.reversibleWith(action.parameters().keySet())) {
            return Optional.empty();
        }
        if (d.reversible() && d.reversibleOnlyWith().isPresent()) {
            return Optional.of("FIS does not undo " + id + " without " + d.reversibleOnlyWith().get());
        }
        return Optional.of("FIS does not undo " + id);
    }

    private static TargetImpact.SelectedBy selectedBy(TemplateTarget t) {
        if (!t.resourceArns().isEmpty()) {
            return TargetImpact.SelectedBy.ARNS;
        }
        if (!t.resourceTags().isEmpty()) {
            return TargetImpact.SelectedBy.TAGS;
        }
        if (!t.filters().isEmpty()) {
            return TargetImpact.SelectedBy.FILTERS;
        }
        return t.parameters().isEmpty() ? TargetImpact.SelectedBy.NOTHING : TargetImpact.SelectedBy.PARAMETERS;
    }

    private static String chosenBy(TemplateTarget t) {
        List<String> parts = new ArrayList<>();
        int arns = t.resourceArns().size();
        if (arns > 0) {
            parts.add(arns + (arns == 1 ? " ARN" : " ARNs"));
        }
        if (!t.resourceTags().isEmpty()) {
            parts.add((t.resourceTags().size() == 1 ? "tag " : "tags ") + pairs(t.resourceTags()));
        }
        if (!t.filters().isEmpty()) {
            parts.add((t.filters().size() == 1 ? "filter " : "filters ") + t.filters().stream()
                    .map(BlastRadius::filter).collect(Collectors.joining(", ")));
        }
        if (!t.parameters().isEmpty()) {
            parts.add((t.parameters().size() == 1 ? "parameter " : "parameters ") + pairs(t.parameters()));
        }
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    private static String pairs(Map<String, String> map) {
        return map.entrySet().stream().map(en -> en.getKey() + "=" + en.getValue()).collect(Collectors.joining(", "));
    }

    private static String filter(Filter f) {
        return f.path().orElse("?") + "=" + String.join("|", f.values());
    }

    /**
     * Adds the counts a target preview resolved (for example a {@code skip-all} run's resolved
     * targets), so that each target's {@link TargetImpact#chosenCount()} is known.
     *
     * @param resolvedCountByTarget how many resources each target matched, by target name;
     *     targets left out keep their count unknown
     * @return a new blast radius with the counts
     * @throws IllegalArgumentException if a name is not a target of the experiment or a count
     *     is negative
     */
    public BlastRadius withResolvedCounts(Map<String, Long> resolvedCountByTarget) {
        Objects.requireNonNull(resolvedCountByTarget, "resolvedCountByTarget");
        resolvedCountByTarget.forEach((name, count) -> {
            Objects.requireNonNull(count, "count of " + name);
            if (!experiment.targets().containsKey(name)) {
                throw new IllegalArgumentException("no target named \"" + name + "\"; targets are "
                        + experiment.targets().keySet());
            }
            if (count < 0) {
                throw new IllegalArgumentException("count of target \"" + name + "\" must not be negative, was " + count);
            }
        });
        List<TargetImpact> counted = targets.stream()
                .map(t -> resolvedCountByTarget.containsKey(t.name())
                        ? TargetImpact.builder().from(t).matchedCount(resolvedCountByTarget.get(t.name())).build()
                        : t)
                .toList();
        return new BlastRadius(experiment, counted, irreversible);
    }

    /**
     * The impact on each target, in template order.
     *
     * @return the target impacts
     */
    public List<TargetImpact> targets() {
        return targets;
    }

    /**
     * The impact on one target.
     *
     * @param name the target's name
     * @return its impact, empty when the experiment has no such target
     */
    public Optional<TargetImpact> target(String name) {
        Objects.requireNonNull(name, "name");
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Tells whether any action's harm is not undone by FIS, whether or not it names a target
     * (an SSM automation runbook names none but is not undone).
     *
     * @return true when at least one action is irreversible
     */
    public boolean anyIrreversible() {
        return !irreversible.isEmpty();
    }

    /**
     * The actions whose harm FIS does not undo, with the reason, in template order.
     *
     * @return reasons by action name
     */
    public Map<String, String> irreversibleActions() {
        return Collections.unmodifiableMap(irreversible);
    }

    /**
     * The facts a safety reviewer wants before approving a run against production: missing stop
     * conditions, targets where every matching resource is chosen, irreversible actions, targets
     * that may share resources, selections that choose nothing, untargeted runbooks, unused
     * targets and multi-account reach.
     *
     * @return one sentence per fact, most important first
     */
    public List<String> safetyFacts() {
        return safetyFacts;
    }

    /**
     * Renders the blast radius as a text table, one row per target (and per further action
     * hitting it), followed by the safety facts.
     *
     * @return the text, ending with a newline
     */
    public String render() {
        StringBuilder out = new StringBuilder("Blast radius\n");
        if (targets.isEmpty()) {
            out.append("  (no targets)\n");
        } else {
            TextTable table = new TextTable()
                    .row("target", "resource type", "chosen by", "selection", "worst case", "reversible", "actions");
            for (TargetImpact t : targets) {
                List<String> hits = t.actions().stream().map(ActionHit::describe).toList();
                table.row(t.name(), t.resourceType().orElse("(none)"), t.chosenBy(),
                        t.selectionMode().map(Object::toString).orElse("(none)"), t.describeWorstCase(),
                        !t.used() ? "-" : t.reversible() ? "yes" : "NO", hits.isEmpty() ? "(unused)" : hits.get(0));
                for (String hit : hits.subList(Math.min(1, hits.size()), hits.size())) {
                    table.row("", "", "", "", "", "", hit);
                }
            }
            out.append(table.render("  "));
        }
        out.append("Safety facts\n");
        for (String fact : safetyFacts) {
            out.append("  - ").append(TextTable.printable(fact)).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
