package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ArnFormatTest {

    private static final ArnFormat INSTANCE = new ArnFormat("ec2", "instance/", true, true);
    private static final ArnFormat BUCKET = new ArnFormat("s3", "", false, false);
    private static final ArnFormat ROLE = new ArnFormat("iam", "role/", false, true);

    @Test
    void matches_acceptsEveryPartition() {
        assertThat(INSTANCE.matches("arn:aws:ec2:us-east-1:123456789012:instance/i-1")).isTrue();
        assertThat(INSTANCE.matches("arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-1")).isTrue();
        assertThat(INSTANCE.matches("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-1")).isTrue();
    }

    @Test
    void matches_rejectsTheWrongShape() {
        assertThat(INSTANCE.matches("arn:aws:ec2:us-east-1:123456789012:instance/")).isFalse();
        assertThat(INSTANCE.matches("arn:aws:ec2::123456789012:instance/i-1")).isFalse();
        assertThat(INSTANCE.matches("arn:aws:ec2:us-east-1::instance/i-1")).isFalse();
        assertThat(INSTANCE.matches("arn:aws:rds:us-east-1:123456789012:instance/i-1")).isFalse();
        assertThat(INSTANCE.matches("arn::ec2:us-east-1:123456789012:instance/i-1")).isFalse();
        assertThat(INSTANCE.matches("i-0123456789abcdef0")).isFalse();
        assertThat(INSTANCE.matches("arn:aws:ec2:us-east-1:123456789012")).isFalse();
        assertThat(INSTANCE.matches(null)).isFalse();
    }

    @Test
    void matches_globalAndAccountlessArns() {
        assertThat(BUCKET.matches("arn:aws:s3:::my-bucket")).isTrue();
        assertThat(BUCKET.matches("arn:aws:s3:::")).isFalse();
        assertThat(BUCKET.matches("arn:aws:s3::123456789012:my-bucket")).isFalse();
        assertThat(ROLE.matches("arn:aws:iam::123456789012:role/service-role/fis")).isTrue();
        assertThat(ROLE.matches("arn:aws:iam::123456789012:user/alice")).isFalse();
    }

    @Test
    void constructor_rejectsAnEmptyService() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ArnFormat("", "x/", true, true));
    }
}
