package dev.faultline.cli;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Size limits on template files and on what {@code compile} writes. A file over the read limit
 * ({@code --max-size}, by default the template reader's {@link TemplateJson#DEFAULT_MAX_BYTES},
 * 10 MiB) is refused from its size with {@code json.document-too-large}, before any byte is read.
 * CloudFormation takes a template body of at most 51,200 bytes inline ({@code --template-body})
 * and at most 1 MB from S3 ({@code --template-url}).
 */
final class SizeLimits {

    /** CloudFormation's limit for a template passed inline, in bytes. */
    static final long CLOUDFORMATION_INLINE = 51_200;
    /** CloudFormation's limit for a template read from S3, in bytes. */
    static final long CLOUDFORMATION_S3 = 1_048_576;

    private final long maxSize;

    private SizeLimits(long maxSize) {
        this.maxSize = maxSize;
    }

    /** The reader's default read limit and CloudFormation's limits. */
    static SizeLimits standard() {
        return new SizeLimits(TemplateJson.DEFAULT_MAX_BYTES);
    }

    /**
     * CloudFormation's limits and a read limit of the user's.
     *
     * @param maxSize the most bytes a file may have, positive
     */
    static SizeLimits withMax(long maxSize) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("--max-size must be positive, was " + maxSize);
        }
        return new SizeLimits(maxSize);
    }

    /** The most bytes a file may have to be read at all. */
    long maxSize() {
        return maxSize;
    }

    /** The error of a file over the read limit, which is then not read. */
    Violation tooLarge(long bytes) {
        return Violation.error(ViolationCode.JSON_DOCUMENT_TOO_LARGE, "", "The file has " + bytes + " bytes, over --max-size "
                + maxSize + (maxSize == TemplateJson.DEFAULT_MAX_BYTES ? " (the default, 10 MiB)" : "")
                + "; it was not read.", "FIS accepts nothing near this size: split the template, or raise --max-size.");
    }

    /** The violations of a file of this format and size, within the read limit; paths are the document's root. */
    List<Violation> check(TemplateInput.Format format, long bytes) {
        List<Violation> out = new ArrayList<>();
        if (format.cloudFormation()) {
            out.addAll(cloudFormation(bytes, "The CloudFormation template"));
        }
        return out;
    }

    /** The violations of a CloudFormation template body of this size, {@code what} naming it. */
    static List<Violation> cloudFormation(long bytes, String what) {
        if (bytes > CLOUDFORMATION_S3) {
            return List.of(Violation.error(ViolationCode.INPUT_FILE_TOO_LARGE, "", what + " has " + bytes + " bytes, over"
                    + " CloudFormation's limit of " + CLOUDFORMATION_S3 + " bytes (1 MB) for a template body.",
                    "Split the experiments into several stacks."));
        }
        if (bytes > CLOUDFORMATION_INLINE) {
            return List.of(Violation.warning(ViolationCode.INPUT_INLINE_TOO_LARGE, "", what + " has " + bytes + " bytes, over"
                    + " CloudFormation's limit of " + CLOUDFORMATION_INLINE + " bytes for a template passed inline.",
                    "Upload it to S3 and deploy it with --template-url (or 'aws cloudformation deploy --s3-bucket')."));
        }
        return List.of();
    }
}
