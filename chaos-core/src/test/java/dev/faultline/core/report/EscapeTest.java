package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void xml_escapesTheFiveMarkupCharacters() {
        assertThat(Escape.xml("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void xml_null_isEmpty() {
        assertThat(Escape.xml(null)).isEmpty();
        assertThat(Escape.markdown(null)).isEmpty();
    }

    @Test
    void xml_charactersXmlCannotHold_becomeReplacementCharacters() {
        assertThat(Escape.xml("a\u0000b\u001Bc\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(Escape.xml("tab\there\nnew\rline")).isEqualTo("tab\there\nnew\rline");
    }

    @Test
    void xml_surrogatePairsAreKept_loneSurrogatesReplaced() {
        assertThat(Escape.xml("fire \uD83D\uDD25")).isEqualTo("fire \uD83D\uDD25");
        assertThat(Escape.xml("x\uD83Dy\uDD25")).isEqualTo("x\uFFFDy\uFFFD");
    }

    @Test
    void markdown_lineBreaksBecomeSpaces() {
        assertThat(Escape.markdown("a\nb\r\nc\rd\u2028e")).isEqualTo("a b c d e");
    }

    @Test
    void markdown_escapesPipesAndMarkup() {
        assertThat(Escape.markdown("a|b")).isEqualTo("a\\|b");
        assertThat(Escape.markdown("<b>*x* _y_ `z` [l](u) ~s~ & \\")).isEqualTo(
                "\\<b\\>\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\& \\\\");
    }

    @Test
    void markdown_plainText_isUnchanged() {
        assertThat(Escape.markdown("compute-node-loss 20% (workers)")).isEqualTo("compute-node-loss 20% (workers)");
    }
}
