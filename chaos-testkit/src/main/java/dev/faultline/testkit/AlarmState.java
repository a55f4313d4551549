package dev.faultline.testkit;

/** The state of a CloudWatch alarm, as CloudWatch names it. */
public enum AlarmState {
    /** The metric is within the threshold. */
    OK,
    /** The metric breached the threshold; a stop condition on this alarm fires. */
    ALARM,
    /** Not enough data to decide. */
    INSUFFICIENT_DATA
}
