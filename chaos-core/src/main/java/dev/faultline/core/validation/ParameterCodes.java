package dev.faultline.core.validation;

import dev.faultline.core.catalog.ParameterProblem;

/** The codes a parameter value is reported with, by whose parameter it is: an action's, a target's or an SSM document's. */
enum ParameterCodes {

    /** An action parameter. */
    ACTION(ViolationCode.PARAMETER_TYPE, ViolationCode.PARAMETER_RANGE, ViolationCode.PARAMETER_VALUE_UNKNOWN,
            ViolationCode.PARAMETER_FORMAT),
    /** A target (resource type) parameter. */
    TARGET(ViolationCode.TARGET_PARAMETER_TYPE, ViolationCode.TARGET_PARAMETER_RANGE,
            ViolationCode.TARGET_PARAMETER_VALUE_UNKNOWN, ViolationCode.TARGET_PARAMETER_FORMAT),
    /** A parameter of the SSM document an action runs. */
    DOCUMENT(ViolationCode.PARAMETER_DOCUMENT_TYPE, ViolationCode.PARAMETER_DOCUMENT_RANGE,
            ViolationCode.PARAMETER_DOCUMENT_VALUE_UNKNOWN, ViolationCode.PARAMETER_DOCUMENT_FORMAT);

    final ViolationCode type;
    final ViolationCode range;
    final ViolationCode valueUnknown;
    final ViolationCode format;

    /** The code of a kind of problem with a parameter of this owner. */
    ViolationCode of(ParameterProblem.Kind kind) {
        switch (kind) {
            case TYPE:
                return type;
            case FORMAT:
                return format;
            case RANGE:
                return range;
            default:
                return valueUnknown;
        }
    }

    ParameterCodes(ViolationCode type, ViolationCode range, ViolationCode valueUnknown, ViolationCode format) {
        this.type = type;
        this.range = range;
        this.valueUnknown = valueUnknown;
        this.format = format;
    }
}
