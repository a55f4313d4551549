package dev.faultline.core.json;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;

/**
 * The model builders of the template's repeated objects (the template, a target, a filter, an
 * action, a stop condition), one of each, kept per thread for the next read, as the parser keeps
 * its buffer: a new Immutables builder allocates a map or list for every collection attribute
 * and the map's table on its first entry, about half of what reading a small template allocated
 * (see docs/performance.md, "Validation throughput").
 *
 * <p>A set is lent to one reader at a time ({@link #take()}); a second reader on the thread, or a
 * read inside a read, gets a set of its own. A builder is {@linkplain #built emptied} as soon as
 * it has built its value, so the next element starts from nothing and the kept builders hold no
 * reference into a template that was read; {@link #giveBack(int, boolean)} empties all of them
 * after a read that stopped half-way, whatever state it left them in. A set whose collections held more than
 * {@value #MAX_KEPT_ENTRIES} entries is not kept, so a large template leaves no large table
 * behind on the thread.
 *
 * <p>A builder is emptied with its generated {@code clear()} (the style's {@code clearBuilder}),
 * which resets every attribute; {@code RecycledBuildersTest} checks, by reflection over every
 * model accessor, that a builder which has built holds nothing.
 */
final class RecycledBuilders {

    /** A set whose largest collection held more entries than this is not kept for the next read. */
    static final int MAX_KEPT_ENTRIES = 64;

    private static final ThreadLocal<RecycledBuilders> FREE = new ThreadLocal<>();

    final Experiment.Builder experiment = Experiment.builder();
    final TemplateTarget.Builder target = TemplateTarget.builder();
    final Filter.Builder filter = Filter.builder();
    final Action.Builder action = Action.builder();
    final StopCondition.Builder stopCondition = StopCondition.builder();

    /**
     * The set kept on this thread, lent until {@link #giveBack(int, boolean)}, or a new one when none is
     * kept or it is lent.
     *
     * @return empty builders, for one reader
     */
    static RecycledBuilders take() {
        RecycledBuilders kept = FREE.get();
        if (kept == null) {
            return new RecycledBuilders();
        }
        FREE.set(null);
        return kept;
    }

    /**
     * Keeps the set for the next read on this thread, unless one of its collections grew large.
     *
     * @param largestCollection the most entries any collection of the read held
     * @param emptied whether every builder has been emptied by {@code built} since its last use
     *     (the read went to the end); if not, all are emptied here
     */
    void giveBack(int largestCollection, boolean emptied) {
        if (largestCollection > MAX_KEPT_ENTRIES) {
            return;
        }
        if (!emptied) {
            emptyAll();
        }
        FREE.set(this);
    }

    private void emptyAll() {
        experiment.clear();
        target.clear();
        filter.clear();
        action.clear();
        stopCondition.clear();
    }

    /** Builds the template and empties its builder. */
    Experiment built(Experiment.Builder b) {
        Experiment value = b.build();
        b.clear();
        return value;
    }

    /** Builds the target and empties its builder. */
    TemplateTarget built(TemplateTarget.Builder b) {
        TemplateTarget value = b.build();
        b.clear();
        return value;
    }

    /** Builds the filter and empties its builder. */
    Filter built(Filter.Builder b) {
        Filter value = b.build();
        b.clear();
        return value;
    }

    /** Builds the action and empties its builder. */
    Action built(Action.Builder b) {
        Action value = b.build();
        b.clear();
        return value;
    }

    /** Builds the stop condition and empties its builder. */
    StopCondition built(StopCondition.Builder b) {
        StopCondition value = b.build();
        b.clear();
        return value;
    }
}
