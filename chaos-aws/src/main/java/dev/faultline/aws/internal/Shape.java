package dev.faultline.aws.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of the FIS template JSON, for renaming its fields to CloudFormation property names
 * and back, and for translating JSON Pointers between the two.
 */
final class Shape {

    enum Kind { OBJECT, MAP, LIST, LEAF }

    static final Shape LEAF = new Shape(Kind.LEAF, null);
    static final Shape STRING_MAP = map(LEAF);
    static final Shape TEMPLATE = template();

    final Kind kind;
    final Shape element;
    private final Map<String, String> toCfn = new LinkedHashMap<>();
    private final Map<String, String> toFis = new LinkedHashMap<>();
    private final Map<String, Shape> fields = new LinkedHashMap<>();

    private Shape(Kind kind, Shape element) {
        this.kind = kind;
        this.element = element;
    }

    static Shape object() {
        return new Shape(Kind.OBJECT, null);
    }

    static Shape map(Shape element) {
        return new Shape(Kind.MAP, element);
    }

    static Shape list(Shape element) {
        return new Shape(Kind.LIST, element);
    }

    Shape field(String fis, Shape shape) {
        return field(fis, capitalize(fis), shape);
    }

    Shape field(String fis, String cfn, Shape shape) {
        toCfn.put(fis, cfn);
        toFis.put(cfn, fis);
        fields.put(fis, shape);
        return this;
    }

    String cfnName(String fis) {
        return toCfn.getOrDefault(fis, capitalize(fis));
    }

    String fisName(String cfn) {
        return toFis.getOrDefault(cfn, decapitalize(cfn));
    }

    /** The shape of a field by its FIS name; LEAF when unknown. */
    Shape child(String fis) {
        return fields.getOrDefault(fis, LEAF);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String decapitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static Shape template() {
        Shape s3 = object().field("bucketName", LEAF).field("prefix", LEAF);
        Shape target = object().field("resourceType", LEAF).field("resourceArns", list(LEAF))
                .field("resourceTags", STRING_MAP)
                .field("filters", list(object().field("path", LEAF).field("values", list(LEAF))))
                .field("selectionMode", LEAF).field("parameters", STRING_MAP);
        Shape action = object().field("actionId", LEAF).field("description", LEAF)
                .field("parameters", STRING_MAP).field("targets", STRING_MAP).field("startAfter", list(LEAF));
        Shape log = object().field("logSchemaVersion", LEAF)
                .field("cloudWatchLogsConfiguration", object().field("logGroupArn", LEAF))
                .field("s3Configuration", s3);
        Shape report = object()
                .field("outputs", object().field("s3Configuration", "ExperimentReportS3Configuration", s3))
                .field("dataSources", object().field("cloudWatchDashboards",
                        list(object().field("dashboardIdentifier", LEAF))))
                .field("preExperimentDuration", LEAF).field("postExperimentDuration", LEAF);
        return object().field("description", LEAF).field("targets", map(target)).field("actions", map(action))
                .field("stopConditions", list(object().field("source", LEAF).field("value", LEAF)))
                .field("roleArn", LEAF).field("tags", STRING_MAP).field("logConfiguration", log)
                .field("experimentOptions", object().field("accountTargeting", LEAF)
                        .field("emptyTargetResolutionMode", LEAF))
                .field("experimentReportConfiguration", report);
    }
}
