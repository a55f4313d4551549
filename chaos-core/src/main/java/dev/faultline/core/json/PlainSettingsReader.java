package dev.faultline.core.json;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.S3Configuration;

/**
 * The settings {@link PlainTemplateReader} reads, as {@link SettingsReader} reads them: the
 * experiment options (each one of its values: the settings reader reports any other) and the log
 * configuration (its schema version a small whole number). Each reads the object whose opening
 * brace comes next in {@code in}, and gives up where the settings reader would report.
 */
final class PlainSettingsReader {

    private PlainSettingsReader() {}

    /** The experiment options. */
    static ExperimentOptions options(PlainScan in) {
        in.expect('{');
        ExperimentOptions.Builder o = ExperimentOptions.builder();
        long seen = 0;
        if (!in.closes('}')) {
            do {
                int index = in.field(FieldNames.OPTIONS);
                seen = PlainScan.once(seen, index);
                String value = in.vocabulary();
                if (index == 0) {
                    o.accountTargeting(known(AccountTargeting.fromWireName(value)));
                } else {
                    o.emptyTargetResolutionMode(known(EmptyTargetResolutionMode.fromWireName(value)));
                }
            } while (in.more('}'));
        }
        return o.build();
    }

    /** The log configuration: its schema version, its CloudWatch Logs and S3 destinations. */
    static LogConfiguration log(PlainScan in) {
        in.expect('{');
        LogConfiguration.Builder l = LogConfiguration.builder();
        long seen = 0;
        if (!in.closes('}')) {
            do {
                int index = in.field(FieldNames.LOG);
                seen = PlainScan.once(seen, index);
                if (index == 0) {
                    l.logSchemaVersion(in.wholeNumber());
                } else if (index == 1) {
                    l.cloudWatchLogsConfiguration(cloudWatchLogs(in));
                } else {
                    l.s3Configuration(s3(in));
                }
            } while (in.more('}'));
        }
        return l.build();
    }

    private static CloudWatchLogsConfiguration cloudWatchLogs(PlainScan in) {
        in.expect('{');
        CloudWatchLogsConfiguration.Builder c = CloudWatchLogsConfiguration.builder();
        long seen = 0;
        if (!in.closes('}')) {
            do {
                seen = PlainScan.once(seen, in.field(FieldNames.CLOUDWATCH_LOGS));
                c.logGroupArn(in.string());
            } while (in.more('}'));
        }
        return c.build();
    }

    private static S3Configuration s3(PlainScan in) {
        in.expect('{');
        S3Configuration.Builder s = S3Configuration.builder();
        long seen = 0;
        if (!in.closes('}')) {
            do {
                int index = in.field(FieldNames.S3);
                seen = PlainScan.once(seen, index);
                if (index == 0) {
                    s.bucketName(in.string());
                } else {
                    s.prefix(in.string());
                }
            } while (in.more('}'));
        }
        return s.build();
    }

    /** A value of a known option; gives up on one the settings reader reports. */
    private static <T> T known(T value) {
        if (value == null) {
            throw PlainScan.giveUp();
        }
        return value;
    }
}
