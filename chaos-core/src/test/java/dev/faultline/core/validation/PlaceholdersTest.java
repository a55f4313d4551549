package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void find_awsSampleStyle_findsEachInOrder() {
        assertThat(Placeholders.find("arn:aws:iam::<YOUR AWS ACCOUNT>:role/<YOUR ROLE NAME>"))
                .containsExactly("<YOUR AWS ACCOUNT>", "<YOUR ROLE NAME>");
    }

    @Test
    void find_cloudFormationSubstitution_isAPlaceholder() {
        assertThat(Placeholders.find("arn:aws:iam::${AWS::AccountId}:role/FisRole")).containsExactly("${AWS::AccountId}");
    }

    @Test
    void find_ssmStyleVariable_isAPlaceholder() {
        assertThat(Placeholders.find("arn:aws:ssm:{{ aws:region }}:<YOUR-ACCOUNT-ID>:document/X"))
                .containsExactly("{{ aws:region }}", "<YOUR-ACCOUNT-ID>");
    }

    @Test
    void find_plainArn_findsNothing() {
        assertThat(Placeholders.find(Templates.ROLE_ARN)).isEmpty();
        assertThat(Placeholders.contains(Templates.ROLE_ARN)).isFalse();
    }

    @Test
    void find_emptyOrUnclosedBrackets_areNotPlaceholders() {
        assertThat(Placeholders.find("<>")).isEmpty();
        assertThat(Placeholders.find("a < b")).isEmpty();
        assertThat(Placeholders.find("${}")).isEmpty();
        assertThat(Placeholders.find("{{ open")).isEmpty();
        assertThat(Placeholders.find("{ \"a\": 1 }")).isEmpty();
    }

    @Test
    void find_nestedOpening_keepsTheInnerPlaceholder() {
        assertThat(Placeholders.find("<a<b>")).containsExactly("<b>");
    }

    @Test
    void find_quoteInside_isNotAPlaceholder() {
        assertThat(Placeholders.find("<a\"b>")).isEmpty();
        assertThat(Placeholders.contains("{\"x\": \"<\", \"y\": \">\"}")).isFalse();
    }

    @Test
    void contains_agreesWithFind() {
        for (String s : new String[] {"<X>", "${X}", "{{ X }}", "x<", "plain", ""}) {
            assertThat(Placeholders.contains(s)).as(s).isEqualTo(!Placeholders.find(s).isEmpty());
        }
    }
}
