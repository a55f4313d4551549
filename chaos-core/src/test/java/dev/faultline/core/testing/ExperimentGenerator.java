package dev.faultline.core.testing;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of experiments for property tests: the same seed always gives the same
 * experiment, so a failing case is reproduced from the seed it prints.
 *
 * <p>Generated experiments use every field of the model: targets identified by ARNs of the
 * right shape or by tags and filters, resource-type parameters, every selection mode, actions
 * drawn from the catalog with their target keys and valid parameter values (SSM documents
 * with their parameters included), startAfter graphs without cycles, alarm or {@code none}
 * stop conditions, tags, log configuration, experiment options, report configuration, target
 * account configurations for multi-account experiments, a steady-state hypothesis, a name and
 * template metadata, with text in many scripts (see {@link RandomText}).
 *
 * <p>{@link Profile#VALID} experiments are accepted by {@code Validator.standard()} with no
 * ERROR (warnings may occur, such as a deprecated action or an unused target).
 * {@link Profile#ANY} adds what the model can hold but FIS refuses ({@link EdgeCases}): the
 * JSON round trip must keep it all the same.
 *
 * <pre>{@code
 * Experiment e = ExperimentGenerator.valid().generate(42L);
 * String json = ExperimentGenerator.valid().template(42L, true);
 * }</pre>
 */
public final class ExperimentGenerator {

    /** What the generated experiments may hold. */
    public enum Profile {
        /** Experiments the standard validator accepts without an ERROR. */
        VALID,
        /** Valid experiments plus values FIS refuses but the model and its JSON can carry. */
        ANY
    }

    /** The most actions of a valid experiment: below FIS's 10 actions running in parallel. */
    static final int MAX_ACTIONS = 8;

    private final Catalog catalog;
    private final Profile profile;

    private ExperimentGenerator(Catalog catalog, Profile profile) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * A generator of experiments the standard validator accepts, on the default catalog.
     *
     * @return the generator
     */
    public static ExperimentGenerator valid() {
        return new ExperimentGenerator(Catalog.defaultCatalog(), Profile.VALID);
    }

    /**
     * A generator of valid experiments and of edge cases FIS refuses, on the default catalog.
     *
     * @return the generator
     */
    public static ExperimentGenerator any() {
        return new ExperimentGenerator(Catalog.defaultCatalog(), Profile.ANY);
    }

    /**
     * The profile of this generator.
     *
     * @return the profile
     */
    public Profile profile() {
        return profile;
    }

    /**
     * Generates one experiment.
     *
     * @param seed the seed; the same seed gives the same experiment
     * @return the experiment
     */
    public Experiment generate(long seed) {
        return generateWithLayout(seed).experiment();
    }

    /**
     * An experiment and the source layout its template is written with: the empty collections
     * the {@link Profile#ANY} edge cases keep.
     *
     * @param experiment the experiment
     * @param layout its source layout, {@link SourceLayout#NONE} for the valid profile
     */
    public record Generated(Experiment experiment, SourceLayout layout) {}

    /**
     * Generates one experiment with the source layout of its template.
     *
     * @param seed the seed; the same seed gives the same experiment and layout
     * @return the experiment and its layout
     */
    public Generated generateWithLayout(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomText text = new RandomText(random);
        ActionGenerator actions = new ActionGenerator(catalog, random, text);
        SettingsGenerator settings = new SettingsGenerator(random, text, actions);
        actions.generate(1 + random.nextInt(MAX_ACTIONS));

        Experiment.Builder b = Experiment.builder()
                .description(text.name(random.nextInt(4) == 0 ? 512 : 80))
                .roleArn("arn:aws:iam::" + actions.account() + ":role/" + text.word(1, 40))
                .targets(actions.targets())
                .actions(actions.actions());
        stopConditions(b, random, text, actions);
        int tags = random.nextInt(4);
        for (int i = 0; i < tags; i++) {
            b.putTag(actions.tagKey(), text.any(0, 40));
        }
        if (random.nextBoolean()) {
            b.name(text.name(40));
        }
        if (random.nextBoolean()) {
            b.logConfiguration(settings.log());
        }
        AccountTargeting targeting = random.nextBoolean() ? null
                : AccountTargeting.values()[random.nextInt(AccountTargeting.values().length)];
        if (targeting != null || random.nextBoolean()) {
            b.experimentOptions(settings.options(targeting));
        }
        if (targeting == AccountTargeting.MULTI_ACCOUNT) {
            b.targetAccountConfigurations(settings.accounts());
        }
        if (random.nextBoolean()) {
            b.experimentReportConfiguration(settings.report());
        }
        if (random.nextBoolean()) {
            b.hypothesis(settings.hypothesis());
        }
        if (random.nextInt(4) == 0) {
            b.metadata(settings.metadata());
        }
        SourceLayout.Builder layout = SourceLayout.builder();
        if (profile == Profile.ANY) {
            new EdgeCases(random, text, actions).apply(b, b.build(), layout);
        }
        return new Generated(b.build(), layout.build());
    }

    /**
     * Generates one experiment as template JSON.
     *
     * @param seed the seed
     * @param pretty whether to indent the JSON
     * @return the JSON text
     */
    public String template(long seed, boolean pretty) {
        Generated g = generateWithLayout(seed);
        return pretty ? TemplateJson.writePretty(g.experiment(), g.layout()) : TemplateJson.write(g.experiment(), g.layout());
    }

    private static void stopConditions(Experiment.Builder b, SplittableRandom random, RandomText text,
            ActionGenerator actions) {
        int alarms = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
        if (alarms == 0) {
            b.addStopCondition(StopCondition.none());
        }
        for (int i = 0; i < alarms; i++) {
            b.addStopCondition(StopCondition.alarm("arn:aws:cloudwatch:" + ActionGenerator.REGIONS.get(
                    random.nextInt(ActionGenerator.REGIONS.size())) + ":" + actions.account() + ":alarm:"
                    + text.name(30)));
        }
    }
}
