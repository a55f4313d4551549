package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.catalog.Identification.Means;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentificationTest {

    @Test
    void of_allowsFiveArnsWhenArnsAreAllowed() {
        Identification standard = Identification.of(List.of(Means.ARNS, Means.TAGS, Means.FILTERS));
        assertThat(standard.minArns()).isZero();
        assertThat(standard.maxArns()).isEqualTo(Identification.MAX_ARNS);
        assertThat(Identification.of(List.of(Means.PARAMETERS)).maxArns()).isZero();
    }

    @Test
    void constructor_rejectsInconsistentBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Identification(EnumSet.of(Means.ARNS), 2, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Identification(EnumSet.of(Means.ARNS), 0, 6));
        assertThatIllegalArgumentException().isThrownBy(() -> new Identification(EnumSet.of(Means.TAGS), 0, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Identification(EnumSet.of(Means.ARNS), 0, 0));
    }

    @Test
    void allowed_isUnmodifiable() {
        Set<Means> allowed = Identification.of(List.of(Means.TAGS)).allowed();
        assertThatThrownBy(() -> allowed.add(Means.ARNS))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void narrowedBy_keepsCommonMeansAndTighterBounds() {
        Identification cluster = Identification.of(List.of(Means.ARNS, Means.TAGS, Means.FILTERS));
        Identification exactlyOneArn = new Identification(EnumSet.of(Means.ARNS), 1, 1);
        Identification narrowed = cluster.narrowedBy(exactlyOneArn);
        assertThat(narrowed).isEqualTo(new Identification(EnumSet.of(Means.ARNS), 1, 1));
        Identification none = Identification.of(List.of(Means.PARAMETERS)).narrowedBy(exactlyOneArn);
        assertThat(none.allowed()).isEmpty();
        assertThat(none.maxArns()).isZero();
    }
}
